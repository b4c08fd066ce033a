import {
  INTEL_SECRET_FIELDS,
  LOOKUP_KIND_OF,
  intelTitle,
  maskIdNumber,
  maskPhone,
  newId,
  type IntelCreateInput,
  type IntelHistoryQuery,
  type IntelLink,
  type IntelListQuery,
  type IntelLookupInput,
  type IntelRecord,
  type IntelRecordDetail,
  type IntelRecordEvent,
  type IntelSecretField,
  type IntelUpdateInput,
  type IntelVerifyInput,
  type Page,
  type Village,
} from '@beatlink/shared';
import {
  deleteIntelBackLinkOp,
  deleteIntelLookupOp,
  getIntelRecord,
  intelBackLinks,
  intelIdsByHash,
  putIntelBackLinkOp,
  putIntelEventOp,
  putIntelLookupOp,
  putIntelRecordOp,
  queryCountyIntel,
  queryIntelEvents,
  queryTypeIntel,
  queryVillageIntel,
  type SealedSecret,
  type StoredIntelEvent,
  type StoredIntelRecord,
  type StoredSecrets,
} from '../../data/intel';
import type { TxOp } from '../../data/repository';
import { invalidField, notFound, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { auditActor, commitAudited, type AuditedCommit, type AuditEntryInput } from '../audit/audit-log';
import { defaultDeps, type ServiceDeps } from '../deps';
import { encryptField } from '../personal-data/field-cipher';
import { loadVillageInReach, villageInReach } from '../directory/village-reach';
import { lookupHashForRead, lookupHashForWrite } from './lookup-key';
import { changedIntelFields, changesVerifiedContent, setDiff } from './rules';

/**
 * The information store (信息采集, issue #4 point 5). Records are seen and changed by those whose
 * reach holds their village (404 otherwise; a create or move into a village outside it is 403).
 * Every create, update and verification commits with its history event and its audit entry in
 * one transaction (commitAudited); ID numbers and phones are sealed, masked and indexed by keyed
 * hash only.
 */

/** Commits a change with its audit entries (commitAudited; the demo seed batches several). */

export interface IntelDeps extends ServiceDeps {
  commit?: AuditedCommit;
}

export const INTEL_AUDIT_KIND = 'intel';
export const secretPurpose = (field: IntelSecretField) => `intel.${field}`;

const recordNotFound = (path = 'id') => notFound(path, '信息记录不存在 / information record not found');

type Block = Record<string, unknown>;

const maskOf = (field: IntelSecretField, value: string) => (field === 'idNumber' ? maskIdNumber(value) : maskPhone(value));

/** The details block as answered: secrets replaced by their masks (`idNumberMasked`, …). */
export function toIntelView(record: StoredIntelRecord, links: IntelLink[] = record.links): IntelRecord {
  const { tenantId: _t, details, secrets, lookupHashes: _h, ...rest } = record;
  const block: Block = { ...details };
  for (const [field, sealed] of Object.entries(secrets)) if (sealed) block[`${field}Masked`] = sealed.masked;
  return { ...rest, [record.type]: block, links } as IntelRecord;
}

const placeOf = (village: Village) => ({ villageId: village.id, villageName: village.name, officeId: village.officeId, workstationId: village.workstationId, stationId: village.stationId });

export async function loadVisibleIntel(ctxIn: TenantContext, id: string): Promise<{ ctx: TenantScopedContext; record: StoredIntelRecord }> {
  const ctx = requireTenant(ctxIn);
  const record = await getIntelRecord(ctx.tenantId, id);
  if (!record || !villageInReach(ctx, record)) throw recordNotFound();
  return { ctx, record };
}

/** Every link target exists in the county and within the caller's reach, and is not the record itself. */
async function checkLinks(ctx: TenantScopedContext, links: ReadonlyArray<{ recordId: string }>, selfId: string | undefined): Promise<void> {
  const targets = await Promise.all(links.map((l) => (l.recordId === selfId ? undefined : getIntelRecord(ctx.tenantId, l.recordId))));
  links.forEach((link, i) => {
    if (link.recordId === selfId) throw invalidField(`links.${i}.recordId`, '记录不能关联自身 / a record cannot link to itself');
    const target = targets[i];
    if (!target || !villageInReach(ctx, target)) throw recordNotFound(`links.${i}.recordId`);
  });
}

interface Sealed {
  details: Block;
  secrets: StoredSecrets;
  lookupHashes: string[];
}

/**
 * Splits a details block into what is stored in clear and the sealed secrets. A secret that is
 * `undefined` keeps the stored one (updates), `null` removes it, a value equal to the stored one
 * (same keyed hash) keeps its ciphertext.
 */
async function sealBlock(tenantId: string, input: Block, previous: Pick<StoredIntelRecord, 'secrets' | 'lookupHashes'> | undefined): Promise<Sealed> {
  const details: Block = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined && !(INTEL_SECRET_FIELDS as readonly string[]).includes(key)) details[key] = value;
  const secrets: StoredSecrets = {};
  const lookupHashes: string[] = [];
  const previousHash = (field: string) => previous?.lookupHashes.find((h) => h.startsWith(`${field}:`));
  for (const field of INTEL_SECRET_FIELDS) {
    if (!(field in input) && !previous?.secrets[field]) continue;
    const value = input[field] as string | null | undefined;
    if (value === null) continue;
    if (value === undefined) {
      const kept = previous?.secrets[field];
      const hash = previousHash(field);
      if (kept && hash) {
        secrets[field] = kept;
        lookupHashes.push(hash);
      }
      continue;
    }
    const hash = `${field}:${await lookupHashForWrite(tenantId, LOOKUP_KIND_OF[field], value)}`;
    const same = previousHash(field) === hash ? previous?.secrets[field] : undefined;
    const sealed: SealedSecret = same ?? { cipher: await encryptField(tenantId, value, secretPurpose(field)), masked: maskOf(field, value) };
    secrets[field] = sealed;
    lookupHashes.push(hash);
  }
  return { details, secrets, lookupHashes };
}

const hashValue = (entry: string) => entry.slice(entry.indexOf(':') + 1);
const hashField = (entry: string) => entry.slice(0, entry.indexOf(':'));

function eventOf(ctx: TenantScopedContext, record: StoredIntelRecord, action: IntelRecordEvent['action'], changed: string[], at: string): StoredIntelEvent {
  return {
    tenantId: ctx.tenantId,
    id: newId('intelEvent', Date.parse(at)),
    recordId: record.id,
    action,
    changed,
    version: record.version,
    by: ctx.username,
    byName: ctx.name,
    at,
    ...(action === 'verify' ? { state: record.verification.state } : {}),
  };
}

const commitOf = (deps: IntelDeps): AuditedCommit => deps.commit ?? commitAudited;

export async function createIntelRecord(ctxIn: TenantContext, input: IntelCreateInput, deps: IntelDeps = defaultDeps()): Promise<IntelRecord> {
  const ctx = requireTenant(ctxIn);
  const village = await loadVillageInReach(ctx, input.villageId, { path: 'villageId', outsideReach: 'refuse' });
  await checkLinks(ctx, input.links, undefined);
  const now = isoNow(deps.clock);
  const block = input[input.type] as Block;
  const sealed = await sealBlock(ctx.tenantId, block, undefined);
  const record: StoredIntelRecord = {
    tenantId: ctx.tenantId,
    id: newId('intel', Date.parse(now)),
    type: input.type,
    title: intelTitle({ type: input.type, [input.type]: block }),
    ...placeOf(village),
    ...sealed,
    tags: input.tags,
    links: input.links,
    reliability: input.reliability,
    verification: { state: 'unverified' },
    source: { username: ctx.username, name: ctx.name, ...(ctx.officerId ? { officerId: ctx.officerId } : {}) },
    ...(input.note ? { note: input.note } : {}),
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: ctx.username,
    updatedBy: ctx.username,
  };
  const changed = changedIntelFields({ type: record.type, villageId: '', details: {}, lookupHashes: [], tags: [], links: [], reliability: '' }, record);
  const ops: TxOp[] = [
    putIntelRecordOp(record, undefined),
    ...record.lookupHashes.map((h) => putIntelLookupOp(ctx.tenantId, hashValue(h), record.id, hashField(h))),
    ...record.links.map((l) => putIntelBackLinkOp(ctx.tenantId, l.recordId, record.id, l.relation)),
    putIntelEventOp(eventOf(ctx, record, 'create', changed, now)),
  ];
  const entry: AuditEntryInput = {
    actor: auditActor(ctx),
    action: 'create',
    record: { kind: INTEL_AUDIT_KIND, id: record.id },
    summary: { type: record.type, villageId: record.villageId, reliability: record.reliability, changed, links: record.links.map((l) => l.recordId) },
    at: now,
  };
  await commitOf(deps)(ctx.tenantId, ops, [entry], deps.clock);
  return toIntelView(record);
}

export async function updateIntelRecord(ctxIn: TenantContext, id: string, input: IntelUpdateInput, deps: IntelDeps = defaultDeps()): Promise<IntelRecord> {
  const { ctx, record } = await loadVisibleIntel(ctxIn, id);
  if (record.version !== input.version) throw versionConflict();
  if (input.type !== record.type) throw invalidField('type', '记录类型不能更改 / the type of a record cannot change');
  const village = input.villageId === record.villageId ? undefined : await loadVillageInReach(ctx, input.villageId, { path: 'villageId', outsideReach: 'refuse' });
  await checkLinks(ctx, input.links, record.id);
  const now = isoNow(deps.clock);
  const block = input[input.type] as Block;
  const sealed = await sealBlock(ctx.tenantId, block, record);
  const { note: _n, ...kept } = record;
  const next: StoredIntelRecord = {
    ...kept,
    ...(village ? placeOf(village) : {}),
    title: intelTitle({ type: record.type, [record.type]: block }),
    ...sealed,
    tags: input.tags,
    links: input.links,
    reliability: input.reliability,
    ...(input.note ? { note: input.note } : {}),
    version: record.version + 1,
    updatedAt: now,
    updatedBy: ctx.username,
  };
  const changed = changedIntelFields(record, next);
  if (record.verification.state !== 'unverified' && changesVerifiedContent(changed, record.type)) {
    next.verification = { state: 'unverified' };
    changed.push('verification');
  }
  const hashes = setDiff(record.lookupHashes, next.lookupHashes, (h) => h);
  const links = setDiff(record.links, next.links, (l) => `${l.recordId}#${l.relation}`);
  const removedTargets = links.removed.filter((l) => !next.links.some((n) => n.recordId === l.recordId));
  const ops: TxOp[] = [
    putIntelRecordOp(next, record.version),
    ...hashes.removed.map((h) => deleteIntelLookupOp(ctx.tenantId, hashValue(h), record.id)),
    ...hashes.added.map((h) => putIntelLookupOp(ctx.tenantId, hashValue(h), record.id, hashField(h))),
    ...removedTargets.map((l) => deleteIntelBackLinkOp(ctx.tenantId, l.recordId, record.id)),
    ...links.added.map((l) => putIntelBackLinkOp(ctx.tenantId, l.recordId, record.id, l.relation)),
    putIntelEventOp(eventOf(ctx, next, 'update', changed, now)),
  ];
  const entry: AuditEntryInput = {
    actor: auditActor(ctx),
    action: 'update',
    record: { kind: INTEL_AUDIT_KIND, id: record.id },
    summary: {
      version: next.version,
      changed,
      ...(links.added.length ? { linked: links.added.map((l) => l.recordId) } : {}),
      ...(removedTargets.length ? { unlinked: removedTargets.map((l) => l.recordId) } : {}),
    },
    at: now,
  };
  await commitOf(deps)(ctx.tenantId, ops, [entry], deps.clock);
  return toIntelView(next);
}

/** 核实: sets the verification state (station chief, program office). */
export async function verifyIntelRecord(ctxIn: TenantContext, id: string, input: IntelVerifyInput, deps: IntelDeps = defaultDeps()): Promise<IntelRecord> {
  const { ctx, record } = await loadVisibleIntel(ctxIn, id);
  if (record.version !== input.version) throw versionConflict();
  const now = isoNow(deps.clock);
  const next: StoredIntelRecord = {
    ...record,
    verification: { state: input.state, by: ctx.username, byName: ctx.name, at: now, ...(input.note ? { note: input.note } : {}) },
    version: record.version + 1,
    updatedAt: now,
    updatedBy: ctx.username,
  };
  const entry: AuditEntryInput = {
    actor: auditActor(ctx),
    action: 'verify',
    record: { kind: INTEL_AUDIT_KIND, id: record.id },
    summary: { version: next.version, changed: ['verification'], state: input.state, previousState: record.verification.state },
    at: now,
  };
  await commitOf(deps)(ctx.tenantId, [putIntelRecordOp(next, record.version), putIntelEventOp(eventOf(ctx, next, 'verify', ['verification'], now))], [entry], deps.clock);
  return toIntelView(next);
}

/** A record with its links resolved (type and title of those within reach) and the records linking to it. */
export async function getIntelRecordDetail(ctxIn: TenantContext, id: string): Promise<IntelRecordDetail> {
  const { ctx, record } = await loadVisibleIntel(ctxIn, id);
  const [targets, back] = await Promise.all([Promise.all(record.links.map((l) => getIntelRecord(ctx.tenantId, l.recordId))), intelBackLinks(ctx.tenantId, record.id, 50)]);
  const links = record.links.map((l, i) => {
    const target = targets[i];
    return target && villageInReach(ctx, target) ? { ...l, type: target.type, title: target.title } : { ...l };
  });
  const sources = await Promise.all(back.map((b) => getIntelRecord(ctx.tenantId, b.sourceId)));
  const linkedFrom: IntelLink[] = [];
  back.forEach((b, i) => {
    const source = sources[i];
    if (source && villageInReach(ctx, source)) linkedFrom.push({ recordId: source.id, relation: b.relation, type: source.type, title: source.title });
  });
  return { ...toIntelView(record, links), linkedFrom };
}

/**
 * Browse: a village's records (optionally one type), or — for callers who reach the whole county —
 * the county's records of one type, or all. Tag and verification state filter page by page.
 */
export async function listIntelRecords(ctxIn: TenantContext, query: IntelListQuery): Promise<Page<IntelRecord>> {
  const ctx = requireTenant(ctxIn);
  const page = { limit: query.limit, cursor: query.cursor };
  let result: Page<StoredIntelRecord>;
  if (query.villageId) {
    await loadVillageInReach(ctx, query.villageId, { path: 'villageId', outsideReach: 'hide' });
    result = await queryVillageIntel(ctx.tenantId, query.villageId, query.type, page);
  } else if (ctx.scope !== 'tenant') {
    throw invalidField('villageId', '须指定村（社区） / villageId is required unless you reach the whole county');
  } else {
    result = query.type ? await queryTypeIntel(ctx.tenantId, query.type, page) : await queryCountyIntel(ctx.tenantId, page);
  }
  const { tag, verification } = query;
  const items = result.items.filter((r) => (!tag || r.tags.includes(tag)) && (!verification || r.verification.state === verification)).map((r) => toIntelView(r));
  return { ...result, items };
}

/** Exact lookup by an ID number or a phone through the keyed-hash index: the records the caller reaches. */
export async function lookupIntelRecords(ctxIn: TenantContext, input: IntelLookupInput): Promise<Page<IntelRecord>> {
  const ctx = requireTenant(ctxIn);
  const [kind, value] = input.idNumber !== undefined ? (['idNumber', input.idNumber] as const) : (['phone', input.phone!] as const);
  const hash = await lookupHashForRead(ctx.tenantId, kind, value);
  if (!hash) return { items: [] };
  const ids = [...new Set(await intelIdsByHash(ctx.tenantId, hash))].slice(0, 100);
  const records = await Promise.all(ids.map((id) => getIntelRecord(ctx.tenantId, id)));
  return { items: records.filter((r): r is StoredIntelRecord => r !== undefined && villageInReach(ctx, r)).map((r) => toIntelView(r)) };
}

/** The history of a record, oldest first. */
export async function listIntelHistory(ctxIn: TenantContext, id: string, query: IntelHistoryQuery): Promise<Page<IntelRecordEvent>> {
  const { ctx, record } = await loadVisibleIntel(ctxIn, id);
  const page = await queryIntelEvents(ctx.tenantId, record.id, { limit: query.limit, cursor: query.cursor });
  return { ...page, items: page.items.map(({ tenantId: _t, ...event }) => event) };
}
