import type { DisputeStage, DisputeType, MediationResult, PartyRole, RiskLevel } from '@beatlink/shared/matters/kinds';
import type { DisputeRecord } from '@beatlink/shared/matters/views';

/**
 * The dispute record (纠纷记录) as the editor's form holds it, and the PUT /matters/{id}/dispute
 * body built from it. Phones are never sent back masked: a party whose phone field is left empty
 * is sent without a phone, and the API keeps the one it stored for that party.
 */
export interface DisputeFormValues {
  parties: Array<{ name: string; role: PartyRole; phone?: string; phoneMasked?: string }>;
  disputeType: DisputeType;
  riskLevel: RiskLevel;
  stageFound: DisputeStage;
  mediations: Array<{ date: string; mediator: string; result: MediationResult; note?: string }>;
  hasAgreement: boolean;
  agreement?: { date?: string; form?: 'written' | 'oral'; summary?: string };
  followUps: Array<{ date: string; by: string; stable: boolean; note?: string }>;
  resolvedAtVillage: boolean;
  escalated: boolean;
  turnedIntoCase: boolean;
}

export function disputeFormValues(record: DisputeRecord): DisputeFormValues {
  return {
    parties: record.parties.map((p) => ({ name: p.name, role: p.role, ...(p.phoneMasked ? { phoneMasked: p.phoneMasked } : {}) })),
    disputeType: record.disputeType,
    riskLevel: record.riskLevel,
    stageFound: record.stageFound,
    mediations: record.mediations.map((m) => ({ ...m })),
    hasAgreement: !!record.agreement,
    ...(record.agreement ? { agreement: { ...record.agreement } } : {}),
    followUps: record.followUps.map((f) => ({ ...f })),
    resolvedAtVillage: record.resolvedAtVillage,
    escalated: record.escalated,
    turnedIntoCase: record.turnedIntoCase,
  };
}

const clean = (value: string | undefined): string | undefined => {
  const text = value?.trim();
  return text ? text : undefined;
};

/** The whole record to PUT with the version read; optional texts left empty are omitted. */
export function disputeBody(values: DisputeFormValues, version: number): Record<string, unknown> {
  const agreement = values.hasAgreement && values.agreement
    ? { date: values.agreement.date, form: values.agreement.form ?? 'written', summary: clean(values.agreement.summary) ?? '' }
    : undefined;
  return {
    version,
    parties: (values.parties ?? []).map((p) => {
      const phone = clean(p.phone);
      return { name: (p.name ?? '').trim(), role: p.role, ...(phone ? { phone } : {}) };
    }),
    disputeType: values.disputeType,
    riskLevel: values.riskLevel,
    stageFound: values.stageFound,
    mediations: (values.mediations ?? []).map((m) => {
      const note = clean(m.note);
      return { date: m.date, mediator: (m.mediator ?? '').trim(), result: m.result, ...(note ? { note } : {}) };
    }),
    ...(agreement ? { agreement } : {}),
    followUps: (values.followUps ?? []).map((f) => {
      const note = clean(f.note);
      return { date: f.date, by: (f.by ?? '').trim(), stable: !!f.stable, ...(note ? { note } : {}) };
    }),
    resolvedAtVillage: !!values.resolvedAtVillage,
    escalated: !!values.escalated,
    turnedIntoCase: !!values.turnedIntoCase,
  };
}
