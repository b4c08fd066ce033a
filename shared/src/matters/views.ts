import type { MatterDeadlines, SupervisionState } from './deadlines';
import type { MatterRoute } from './config';
import type { DisputeStage, DisputeType, MatterKind, MatterOutcome, MatterSource, MatterStatus, MediationResult, PartyRole, RiskLevel, Severity, VerifyMethod } from './kinds';
import type { TransitionName } from './transitions';

/**
 * What the API returns for matters. Zod-free so the portal imports it without schemas. Personal
 * data never appears in clear: phones are masked (`138****1111`) and revealed one at a time
 * through `POST /matters/{id}/reveal`, which is recorded.
 */

export type HolderType = 'station' | 'office' | 'workstation' | 'department' | 'agency';

/** Who holds the matter now (承办单位): a police unit, optionally one officer of it, or an agency. */
export interface MatterHolder {
  type: HolderType;
  id: string;
  name: string;
  officerId?: string;
  officerName?: string;
  /** The station the police unit belongs to (absent for departments and agencies). */
  stationId?: string;
}

export interface MaskedReporter {
  name: string;
  /** e.g. `138****1111`. */
  phoneMasked: string;
}

export interface MatterSupervision {
  /** The deadline the reminder/overdue marks refer to (a new deadline starts afresh). */
  deadline?: string;
  remindedAt?: string;
  overdueAt?: string;
  /** Rung of the escalation ladder reached; 0 = the assignee itself. */
  escalationLevel: number;
  urgeCount: number;
}

export interface Matter {
  id: string;
  tenantId: string;
  kind: MatterKind;
  source: MatterSource;
  status: MatterStatus;
  title: string;
  description: string;
  categoryId: string;
  /** The category's name when it was set (agency staff do not read the county's config). */
  categoryName: string;
  severity: Severity;
  /** 是否公安职责: undefined until triaged. */
  policeBusiness?: boolean;
  /** A linkage matter (综治联动): not police business, or held by an agency at some point. */
  linkage: boolean;
  villageId: string;
  villageName: string;
  officeId: string;
  workstationId: string;
  stationId: string;
  reporter?: MaskedReporter;
  location?: { lat: number; lng: number };
  address?: string;
  occurredAt: string;
  attachmentIds: string[];
  holder?: MatterHolder;
  assignedAt?: string;
  acceptBy?: MatterDeadlines['acceptBy'];
  feedbackBy?: MatterDeadlines['feedbackBy'];
  acceptedAt?: string;
  feedback?: { outcome: MatterOutcome; note: string; at: string; by: string; attachmentIds: string[] };
  verification?: { satisfied: boolean; method: VerifyMethod; note?: string; at: string; by: string };
  outcome?: MatterOutcome;
  closedAt?: string;
  mergedInto?: string;
  /** Matters merged into this one. */
  mergedCount: number;
  supervision: MatterSupervision;
  /** How many times the matter was returned or verified unsatisfied (for assessment). */
  returnCount: number;
  reopenCount: number;
  /** Name of the officer or staff who took it in. */
  createdByName: string;
  /** The integrator's own reference (12345 工单号), for matters taken in through the public API. */
  externalId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

/** GET /matters/{id}: the matter plus what the caller may do and the routing suggestion. */
export interface MatterDetail extends Matter {
  /** Transitions this caller may make now (assignee checks included). */
  allowedTransitions: TransitionName[];
  /** The caller may reveal the reporter's phone. */
  mayReveal: boolean;
  supervisionState: SupervisionState;
  /** From the routing table for the current category, with the concrete body it means here. */
  routing?: { route: MatterRoute; suggested?: Omit<MatterHolder, 'officerName'> };
  dispute?: DisputeRecord;
}

export type MatterEventType = TransitionName | 'created' | 'reminded' | 'overdue' | 'dispute_updated' | 'attachment_added';

/** One immutable timeline entry (who, when, from → to, note). */
export interface MatterEvent {
  matterId: string;
  id: string;
  type: MatterEventType;
  at: string;
  by: string;
  byName: string;
  /** `system` for the supervision job. */
  byRole: string;
  from?: MatterStatus;
  to?: MatterStatus;
  note?: string;
  /** Fields the step set: assignee, outcome, deadlines, category, escalation level, … */
  data?: Record<string, unknown>;
}

export interface MaskedParty {
  name: string;
  role: PartyRole;
  phoneMasked?: string;
}

/** The dispute record (矛盾纠纷) of a matter of kind `dispute`, versioned on its own. */
export interface DisputeRecord {
  matterId: string;
  parties: MaskedParty[];
  disputeType: DisputeType;
  riskLevel: RiskLevel;
  stageFound: DisputeStage;
  mediations: Array<{ date: string; mediator: string; result: MediationResult; note?: string }>;
  agreement?: { date: string; form: 'written' | 'oral'; summary: string };
  followUps: Array<{ date: string; by: string; stable: boolean; note?: string }>;
  resolvedAtVillage: boolean;
  escalated: boolean;
  turnedIntoCase: boolean;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** Figures of "矛盾不上交、不转化、不升级" for a period; counts never mix outcomes. */
export interface DisputeFigures {
  from: string;
  to: string;
  total: number;
  resolvedAtVillage: number;
  escalated: number;
  turnedIntoCase: number;
  byStage: Record<DisputeStage, number>;
  byRisk: Record<RiskLevel, number>;
  byType: Record<DisputeType, number>;
}

/** A likely duplicate offered at intake and at triage. */
export interface DuplicateCandidateView {
  id: string;
  title: string;
  description: string;
  status: MatterStatus;
  createdAt: string;
  score: number;
}

/** POST /matters answers with the new matter and its likely duplicates. */
export interface MatterCreated extends Matter {
  duplicates: DuplicateCandidateView[];
}

export interface RevealedPhone {
  phone: string;
  /** Which phone: the reporter's or a dispute party's (index). */
  field: string;
}

export type AttachmentStatus = 'pending' | 'ready';

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  status: AttachmentStatus;
  /** The record it is linked to once used (a matter), absent while unused. */
  linkedTo?: { kind: 'matter'; id: string };
  createdAt: string;
  createdBy: string;
}

/** POST /attachments: where to PUT the bytes, with the headers the signature covers. */
export interface AttachmentUpload {
  attachment: Attachment;
  upload: { url: string; method: 'PUT'; headers: Record<string, string>; expiresAt: string };
}

export interface AttachmentDownload {
  attachment: Attachment;
  url: string;
  expiresAt: string;
}
