import {
  DISPUTE_STAGES,
  DISPUTE_TYPES,
  RISK_LEVELS,
  idRange,
  zonedDayEnd,
  zonedDayStart,
  type DisputeDetails,
  type DisputeFigures,
  type DisputeFiguresQuery,
  type DisputeRecord,
  type DisputeType,
  type DisputeUpdateInput,
  type Severity,
} from '@beatlink/shared';
import { getDisputeRecord, listDisputeRecords, putDisputeOp, putEventOp, type StoredDispute, type StoredParty } from '../../data/matters';
import { runTransaction } from '../../data/repository';
import { notFound, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { loadVisibleStoredMatter } from './matter-access';
import { timelineEvent, userActor } from './matter-events';
import { loadMatterRules } from './matter-rules';
import { PHONE_PURPOSES, sealPhone } from './phones';

/** The dispute type a category suggests when intake gives no dispute details. */
const TYPE_OF_CATEGORY: Record<string, DisputeType> = {
  neighbour: 'neighbour',
  marriage_family: 'family',
  land_forest: 'land',
  labour: 'labour',
};

type PartyInput = { name: string; role: StoredParty['role']; phone?: string };

/**
 * Parties as stored. A party sent without a phone keeps the phone stored for the party at the
 * same place with the same name: clients only ever see masked phones and cannot send them back.
 */
async function storeParties(tenantId: string, parties: PartyInput[], previous: StoredParty[] = []): Promise<StoredParty[]> {
  return Promise.all(
    parties.map(async (party, i) => {
      const base = { name: party.name, role: party.role };
      if (party.phone) return { ...base, ...(await sealPhone(tenantId, party.phone, PHONE_PURPOSES.party)) };
      const kept = previous[i];
      if (kept && kept.name === party.name && kept.phoneCipher) return { ...base, phoneMasked: kept.phoneMasked, phoneCipher: kept.phoneCipher };
      return base;
    }),
  );
}

/** The dispute record a matter of kind `dispute` starts with (intake, or triage turning it into one). */
export async function initialDisputeRecord(
  tenantId: string,
  matter: { id: string; categoryId: string; severity: Severity; reporter?: { name: string } },
  details: DisputeDetails | undefined,
  reporterPhone: string | undefined,
  at: string,
  by: string,
): Promise<StoredDispute> {
  const fallbackParties: PartyInput[] = matter.reporter ? [{ name: matter.reporter.name, role: 'applicant', phone: reporterPhone }] : [];
  const input = details ?? {
    parties: fallbackParties,
    disputeType: TYPE_OF_CATEGORY[matter.categoryId] ?? 'other',
    riskLevel: matter.severity,
    stageFound: 'before' as const,
    mediations: [],
    followUps: [],
    resolvedAtVillage: false,
    escalated: false,
    turnedIntoCase: false,
  };
  const { parties, ...rest } = input;
  return { ...rest, matterId: matter.id, parties: await storeParties(tenantId, parties), version: 1, updatedAt: at, updatedBy: by };
}

export function toDisputeView(record: StoredDispute): DisputeRecord {
  return { ...record, parties: record.parties.map(({ phoneCipher: _c, ...party }) => party) };
}

export async function getMatterDispute(ctx: TenantContext, matterId: string): Promise<DisputeRecord> {
  const { ctx: tenant, matter } = await loadVisibleStoredMatter(ctx, matterId);
  const record = await getDisputeRecord(tenant.tenantId, matter.id);
  if (!record) throw notFound('id', '该事项没有纠纷记录 / the matter has no dispute record');
  return toDisputeView(record);
}

/** The whole record replaced at once, versioned; the matter's timeline notes the change. */
export async function updateMatterDispute(ctx: TenantContext, matterId: string, input: DisputeUpdateInput, deps: ServiceDeps = defaultDeps()): Promise<DisputeRecord> {
  const { ctx: tenant, matter } = await loadVisibleStoredMatter(ctx, matterId);
  const current = await getDisputeRecord(tenant.tenantId, matter.id);
  if (!current) throw notFound('id', '该事项没有纠纷记录 / the matter has no dispute record');
  if (current.version !== input.version) throw versionConflict();
  const at = isoNow(deps.clock);
  const { version: _v, parties, ...rest } = input;
  const next: StoredDispute = {
    ...rest,
    matterId: matter.id,
    parties: await storeParties(tenant.tenantId, parties, current.parties),
    version: current.version + 1,
    updatedAt: at,
    updatedBy: tenant.username,
  };
  const role = tenant.roles[0]!;
  const event = timelineEvent(matter.id, 'dispute_updated', await userActor(tenant, role, deps), at, {
    data: { riskLevel: next.riskLevel, mediations: next.mediations.length, followUps: next.followUps.length, resolvedAtVillage: next.resolvedAtVillage, escalated: next.escalated, turnedIntoCase: next.turnedIntoCase },
  });
  await runTransaction([putDisputeOp(tenant.tenantId, next, current.version), putEventOp(tenant.tenantId, event)]);
  return toDisputeView(next);
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * "矛盾不上交、不转化、不升级" for disputes taken in within [from, to] (tenant days): one Query of
 * the dispute partition by id range. Resolved at village level, escalated and turned into a case
 * are separate counts, never summed into one another.
 */
export async function getDisputeFigures(ctxIn: TenantContext, query: DisputeFiguresQuery): Promise<DisputeFigures> {
  const ctx = requireTenant(ctxIn);
  const { timeZone } = await loadMatterRules(ctx.tenantId);
  const range = idRange('matter', zonedDayStart(query.from, timeZone), zonedDayEnd(query.to, timeZone));
  const records = await listDisputeRecords(ctx.tenantId, range);
  const figures: DisputeFigures = {
    from: query.from,
    to: query.to,
    total: records.length,
    resolvedAtVillage: 0,
    escalated: 0,
    turnedIntoCase: 0,
    byStage: zeros(DISPUTE_STAGES),
    byRisk: zeros(RISK_LEVELS),
    byType: zeros(DISPUTE_TYPES),
  };
  for (const r of records) {
    if (r.resolvedAtVillage) figures.resolvedAtVillage++;
    if (r.escalated) figures.escalated++;
    if (r.turnedIntoCase) figures.turnedIntoCase++;
    figures.byStage[r.stageFound]++;
    figures.byRisk[r.riskLevel]++;
    figures.byType[r.disputeType]++;
  }
  return figures;
}
