import { newId, newRecordMeta, type DeactivateInput, type InitialCredentials, type Page, type RecordMeta } from '@beatlink/shared';
import { all, type Condition } from '../../data/conditions';
import {
  changesBetween,
  createRecordOp,
  deleteRecordOp,
  getRecord,
  listRecords,
  updateRecordOp,
} from '../../data/directory-records';
import { runTransaction, type TxOp } from '../../data/repository';
import { claimUniqueOp, releaseUniqueOp, uniqueKey, type UniqueValue } from '../../data/unique-values';
import { conflict, notFound, versionConflict, type AppError } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { logger } from '../../lib/logger';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import type { ServiceDeps } from '../deps';
import { UsernameTakenError } from '../identity/identity-provider';
import { checkClaims, claimOps, diffClaims, invertChange, withoutLimits, type ClaimChange } from './claims';
import type { ListInput, ResolveIo, ResourceDefinition } from './resource-definition';
import { directoryRules } from './rules';
import { UnitReader } from './unit-reader';

type Fields = Record<string, unknown>;

export interface ResourceService<T extends RecordMeta> {
  create(ctx: TenantContext, input: object): Promise<T & { credentials?: InitialCredentials }>;
  get(ctx: TenantContext, id: string): Promise<T>;
  list(ctx: TenantContext, query: ListInput): Promise<Page<T>>;
  update(ctx: TenantContext, id: string, input: { version: number }): Promise<T>;
  deactivate(ctx: TenantContext, id: string, input: DeactivateInput): Promise<T>;
}

const fields = (record: object): Fields => record as Fields;

/** Input → record fields: `null` clears a field, `undefined` leaves it as it is. */
function applyPatch<T extends object>(current: T, patch: Fields): T {
  const next: Fields = { ...fields(current) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as T;
}

function diffUniques(before: UniqueValue[], after: UniqueValue[]): { claim: UniqueValue[]; release: UniqueValue[] } {
  const had = new Set(before.map(uniqueKey));
  const has = new Set(after.map(uniqueKey));
  return { claim: after.filter((u) => !had.has(uniqueKey(u))), release: before.filter((u) => !has.has(uniqueKey(u))) };
}

/** The create / get / list / update / deactivate service of one directory record type. */
export function resourceService<T extends RecordMeta>(def: ResourceDefinition<T>, deps: () => ServiceDeps): ResourceService<T> {
  const label = def.label;
  const missing = () => notFound('id', `${label.zh}不存在 / ${label.en} not found`);

  const visible = (ctx: TenantContext, record: T): boolean => {
    const only = def.restrict?.(ctx);
    return !only || fields(record)[only.attr] === only.value;
  };

  const load = async (ctx: TenantScopedContext, id: string): Promise<T> => {
    const record = await getRecord<T>(ctx, def.kind, id);
    if (!record || !visible(ctx, record)) throw missing();
    return record;
  };

  /** A failed condition on the record itself: stale version, or a concurrent change. */
  const staleOrChanged = (ctx: TenantScopedContext, id: string, version: number) => async (): Promise<AppError> => {
    const now = await getRecord<T>(ctx, def.kind, id);
    if (!now) return missing();
    if (now.version !== version) return versionConflict();
    return conflict('', `${label.zh}已被同时修改，请重试 / the ${label.en} changed concurrently, retry`);
  };

  const uniquesOf = (record: T, tenantId: string) => def.uniques?.(record, tenantId) ?? [];
  const owner = (tenantId: string, id: string) => ({ kind: def.kind, id, tenantId });

  /**
   * Runs the account step after the data commit; if it fails, the data change is undone and the
   * caller gets 503 (or 409 for a username the pool already has).
   */
  async function withCompensation<R>(step: () => Promise<R>, undo: TxOp[], id: string): Promise<R> {
    try {
      return await step();
    } catch (error) {
      try {
        await runTransaction(undo);
      } catch (undoError) {
        logger.error('compensation failed', { kind: def.kind, id, errorName: (undoError as Error).name });
      }
      if (error instanceof UsernameTakenError) {
        throw conflict(def.identity?.usernamePath ?? 'username', '用户名已被使用 / username already taken');
      }
      throw error;
    }
  }

  async function prepare(ctx: TenantScopedContext, previous?: T): Promise<ResolveIo<T>> {
    const rules = await directoryRules(ctx);
    return { ctx, units: new UnitReader(ctx), rules, now: isoNow(deps().clock), previous };
  }

  async function checkedClaimOps(io: ResolveIo<T>, change: ClaimChange): Promise<TxOp[]> {
    checkClaims(change, await io.units.load(change));
    return claimOps(io.ctx, change);
  }

  const identityAttributes = (record: T, tenantId: string): Record<string, string> => {
    const attrs = def.identity?.attributes(record, tenantId) ?? {};
    return Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  };

  return {
    async get(ctxIn, id) {
      return load(requireTenant(ctxIn), id);
    },

    async list(ctxIn, query) {
      const ctx = requireTenant(ctxIn);
      const parent = def.listParent?.(query);
      const only = def.restrict?.(ctx);
      if (parent) {
        const found = await getRecord<Fields>(ctx, parent.kind, parent.id);
        // A caller restricted to his unit lists under that unit only.
        if (!found || (only && parent.id !== only.value)) throw notFound(parent.path);
      }
      const spec = def.listQuery(query);
      const filter = all(
        query.status === 'all' ? undefined : { attr: 'status', eq: query.status },
        only ? { attr: only.attr, eq: only.value } : undefined,
        spec.filter,
      );
      return listRecords<T>(ctx, def.kind, { under: spec.under, filter }, { limit: query.limit, cursor: query.cursor });
    },

    async create(ctxIn, input) {
      const ctx = requireTenant(ctxIn);
      const { tenantId } = ctx;
      const io = await prepare(ctx);
      const now = io.now;
      let record = {
        ...def.initial,
        ...applyPatch({}, fields(input)),
        id: newId(def.kind),
        ...newRecordMeta(now, ctx.username),
      } as unknown as T;
      if (def.resolve) record = await def.resolve(record, io);
      const change: ClaimChange = { acquire: def.claims?.(record, io.rules) ?? [], release: [] };
      const uniques = uniquesOf(record, tenantId);
      await runTransaction([
        createRecordOp(ctx, def.kind, fields(record), conflict('id', '编号冲突，请重试 / id collision, retry')),
        ...(await checkedClaimOps(io, change)),
        ...uniques.map((u) => claimUniqueOp(u, owner(tenantId, record.id), now)),
      ]);
      if (!def.identity) return record;

      const identity = def.identity;
      const undo = [
        deleteRecordOp(ctx, def.kind, record.id, { attr: 'version', eq: 1 }, missing()),
        ...claimOps(ctx, withoutLimits(invertChange(change))),
        ...uniques.map((u) => releaseUniqueOp(u, owner(tenantId, record.id))),
      ];
      const credentials = await withCompensation(
        () => deps().identity.createUser({ username: identity.username(record), group: identity.group(record), attributes: identityAttributes(record, tenantId) }),
        undo,
        record.id,
      );
      return { ...record, credentials };
    },

    async update(ctxIn, id, input) {
      const ctx = requireTenant(ctxIn);
      const { tenantId } = ctx;
      const current = await load(ctx, id);
      if (current.version !== input.version) throw versionConflict();
      if (current.status !== 'active') throw conflict('status', `${label.zh}已停用，不能修改 / the ${label.en} is inactive`);
      const { version: _version, ...patch } = fields(input);
      const io = await prepare(ctx, current);
      let next = applyPatch(current, patch);
      if (def.resolve) next = await def.resolve(next, io);
      // Every accepted update is a new version, even one that changes no field.
      next = { ...next, version: current.version + 1, updatedAt: io.now, updatedBy: ctx.username };
      const change = diffClaims(def.claims?.(current, io.rules) ?? [], def.claims?.(next, io.rules) ?? []);
      const uniques = diffUniques(uniquesOf(current, tenantId), uniquesOf(next, tenantId));
      const self = owner(tenantId, id);
      await runTransaction([
        updateRecordOp(
          ctx,
          def.kind,
          id,
          changesBetween(ctx, def.kind, fields(current), fields(next)),
          { and: [{ attr: 'version', eq: current.version }, { attr: 'status', eq: 'active' }] },
          staleOrChanged(ctx, id, current.version),
        ),
        ...(await checkedClaimOps(io, change)),
        ...uniques.claim.map((u) => claimUniqueOp(u, self, next.updatedAt)),
        ...uniques.release.map((u) => releaseUniqueOp(u, self)),
      ]);

      const before = identityAttributes(current, tenantId);
      const after = identityAttributes(next, tenantId);
      const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
      const removed = Object.keys(before).filter((k) => after[k] === undefined);
      if (!def.identity || (Object.keys(changed).length === 0 && removed.length === 0)) return next;

      const username = def.identity.username(current);
      const undo = [
        updateRecordOp(ctx, def.kind, id, changesBetween(ctx, def.kind, fields(next), fields(current)), { attr: 'version', eq: next.version }, missing()),
        ...claimOps(ctx, withoutLimits(invertChange(change))),
        ...uniques.release.map((u) => claimUniqueOp(u, self, current.updatedAt)),
        ...uniques.claim.map((u) => releaseUniqueOp(u, self)),
      ];
      await withCompensation(() => deps().identity.updateAttributes(username, changed, removed), undo, id);
      return next;
    },

    async deactivate(ctxIn, id, input) {
      const ctx = requireTenant(ctxIn);
      const { tenantId } = ctx;
      const current = await load(ctx, id);
      if (current.version !== input.version) throw versionConflict();
      if (current.status !== 'active') throw conflict('status', `${label.zh}已停用 / the ${label.en} is already inactive`);
      const blockers = def.blockers ?? [];
      for (const b of blockers) {
        const value = fields(current)[b.attr];
        if (b.type === 'count' ? Number(value ?? 0) > 0 : value !== undefined) throw conflict(b.attr, b.message);
      }
      const io = await prepare(ctx, current);
      const cascade = def.cascade ? await def.cascade(current, io) : undefined;
      const next = {
        ...current,
        ...cascade?.set,
        status: 'inactive',
        version: current.version + 1,
        updatedAt: io.now,
        updatedBy: ctx.username,
        ...(input.reason ? { deactivationReason: input.reason } : {}),
      } as T;
      const change: ClaimChange = { acquire: [], release: def.claims?.(current, io.rules) ?? [] };
      const released = uniquesOf(current, tenantId).filter((u) => u.releaseOnDeactivate);
      const self = owner(tenantId, id);
      const conditions: Condition[] = [
        { attr: 'version', eq: current.version },
        { attr: 'status', eq: 'active' },
        ...blockers.map((b): Condition => (b.type === 'count' ? { or: [{ attr: b.attr, exists: false }, { attr: b.attr, eq: 0 }] } : { attr: b.attr, exists: false })),
        ...(cascade?.conditions ?? []),
      ];
      await runTransaction([
        updateRecordOp(ctx, def.kind, id, changesBetween(ctx, def.kind, fields(current), fields(next)), { and: conditions }, staleOrChanged(ctx, id, current.version)),
        ...(await checkedClaimOps(io, change)),
        ...(cascade?.ops ?? []),
        ...released.map((u) => releaseUniqueOp(u, self)),
      ]);
      if (!def.identity) return next;

      const undo = [
        updateRecordOp(ctx, def.kind, id, changesBetween(ctx, def.kind, fields(next), fields(current)), { attr: 'version', eq: next.version }, missing()),
        ...claimOps(ctx, withoutLimits(invertChange(change))),
        ...(cascade?.undo ?? []),
        ...released.map((u) => claimUniqueOp(u, self, current.updatedAt)),
      ];
      const username = def.identity.username(current);
      await withCompensation(() => deps().identity.disableUser(username), undo, id);
      return next;
    },
  };
}
