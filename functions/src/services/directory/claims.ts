import { UNIT_LABELS } from '@beatlink/shared';
import { conflict, notFound } from '../../lib/app-error';
import type { Condition } from '../../data/conditions';
import { updateRecordOp, type ParentKind } from '../../data/directory-records';
import type { TxOp } from '../../data/repository';
import type { TenantScopedContext } from '../../lib/tenant-context';

/**
 * What a record holds on other records while it is active: a place in a counter (a workstation in
 * its office's `activeWorkstationCount`) or a slot (a community officer in `communityOfficerId`).
 * Creating, moving and deactivating records acquire and release claims in the same transaction
 * as the record itself; the conditions keep limits and "one at a time" rules under concurrency.
 */
interface ClaimBase {
  unit: ParentKind;
  unitId: string;
  attr: string;
  /** The id of the record that holds the claim. */
  holder: string;
  /** The input field named when the claim cannot be had. */
  path: string;
}

export interface CountClaim extends ClaimBase {
  type: 'count';
  /** At most this many (acquire fails at the limit). */
  max?: number;
  limitMessage?: string;
  /** At least this many while the unit is active (release fails below). */
  min?: number;
  minMessage?: string;
}

export interface SlotClaim extends ClaimBase {
  type: 'slot';
  takenMessage: string;
}

export type Claim = CountClaim | SlotClaim;

export interface ClaimChange {
  acquire: Claim[];
  release: Claim[];
}

const AGENCY_LABEL = { zh: '成员单位', en: 'agency' };
export const unitLabel = (unit: ParentKind) => (unit === 'agency' ? AGENCY_LABEL : UNIT_LABELS[unit]);

export const claimKey = (c: Claim): string => `${c.type}|${c.unit}|${c.unitId}|${c.attr}|${c.holder}`;

/** Claims held before and after a change → what to release and what to acquire. */
export function diffClaims(before: Claim[], after: Claim[]): ClaimChange {
  const had = new Map(before.map((c) => [claimKey(c), c]));
  const has = new Map(after.map((c) => [claimKey(c), c]));
  return {
    acquire: [...has].filter(([k]) => !had.has(k)).map(([, c]) => c),
    release: [...had].filter(([k]) => !has.has(k)).map(([, c]) => c),
  };
}

export const invertChange = (change: ClaimChange): ClaimChange => ({ acquire: change.release, release: change.acquire });

/** The same change without maxima and minima: undoing a committed change must not be refused by them. */
export function withoutLimits(change: ClaimChange): ClaimChange {
  const relax = (c: Claim): Claim => (c.type === 'count' ? { ...c, max: undefined, min: undefined } : c);
  return { acquire: change.acquire.map(relax), release: change.release.map(relax) };
}

/** The state of a unit as far as claims care. */
export type UnitState = Record<string, unknown> & { status?: string };

export const unitRefKey = (unit: ParentKind, id: string): string => `${unit}:${id}`;

export function unitsOf(change: ClaimChange): Array<{ unit: ParentKind; unitId: string }> {
  const seen = new Map<string, { unit: ParentKind; unitId: string }>();
  for (const c of [...change.acquire, ...change.release]) seen.set(unitRefKey(c.unit, c.unitId), { unit: c.unit, unitId: c.unitId });
  return [...seen.values()];
}

const missingUnit = (c: Claim) => {
  const label = unitLabel(c.unit);
  return notFound(c.path, `${label.zh}不存在或已停用 / ${label.en} not found or inactive`);
};

/**
 * Checks a change against the units as they are now, for a precise error naming the field. The
 * transaction conditions enforce the same rules atomically.
 */
export function checkClaims(change: ClaimChange, units: ReadonlyMap<string, UnitState | undefined>): void {
  for (const c of change.acquire) {
    const unit = units.get(unitRefKey(c.unit, c.unitId));
    if (!unit || unit.status !== 'active') throw missingUnit(c);
    if (c.type === 'count' && c.max !== undefined && Number(unit[c.attr] ?? 0) >= c.max) {
      throw conflict(c.path, c.limitMessage ?? `已达上限 ${c.max} / limit of ${c.max} reached`);
    }
    if (c.type === 'slot' && unit[c.attr] !== undefined && unit[c.attr] !== c.holder) throw conflict(c.path, c.takenMessage);
  }
  for (const c of change.release) {
    const unit = units.get(unitRefKey(c.unit, c.unitId));
    if (c.type === 'count' && c.min !== undefined && unit?.status === 'active' && Number(unit[c.attr] ?? 0) <= c.min) {
      throw conflict(c.path, c.minMessage ?? `不能少于 ${c.min} / at least ${c.min} required`);
    }
  }
}

interface UnitWrite {
  unit: ParentKind;
  unitId: string;
  set: Record<string, unknown>;
  remove: string[];
  add: Record<string, number>;
  conditions: Condition[];
  first: Claim;
}

/**
 * The change as transaction ops: one update per unit (a transaction may touch an item once), with
 * the conditions that make the claims safe: the unit is active to acquire, below its maximum, the
 * slot is free; a slot is released only by its holder; a minimum holds while the unit is active.
 */
export function claimOps(tenant: TenantScopedContext, change: ClaimChange): TxOp[] {
  const writes = new Map<string, UnitWrite>();
  const writeFor = (c: Claim): UnitWrite => {
    const key = unitRefKey(c.unit, c.unitId);
    let w = writes.get(key);
    if (!w) {
      w = { unit: c.unit, unitId: c.unitId, set: {}, remove: [], add: {}, conditions: [], first: c };
      writes.set(key, w);
    }
    return w;
  };
  for (const c of change.acquire) {
    const w = writeFor(c);
    if (!w.conditions.some((x) => 'attr' in x && x.attr === 'status')) w.conditions.push({ attr: 'status', eq: 'active' });
    if (c.type === 'count') {
      w.add[c.attr] = (w.add[c.attr] ?? 0) + 1;
      if (c.max !== undefined) w.conditions.push({ attr: c.attr, lt: c.max });
    } else {
      w.set[c.attr] = c.holder;
      w.conditions.push({ attr: c.attr, exists: false });
    }
  }
  for (const c of change.release) {
    const w = writeFor(c);
    if (c.type === 'count') {
      w.add[c.attr] = (w.add[c.attr] ?? 0) - 1;
      if (c.min !== undefined) w.conditions.push({ or: [{ attr: 'status', ne: 'active' }, { attr: c.attr, gt: c.min }] });
    } else {
      w.remove.push(c.attr);
      w.conditions.push({ attr: c.attr, eq: c.holder });
    }
  }
  return [...writes.values()].map((w) => {
    const label = unitLabel(w.unit);
    return updateRecordOp(
      tenant,
      w.unit,
      w.unitId,
      { set: w.set, remove: w.remove, add: w.add },
      { and: w.conditions.length > 0 ? w.conditions : [{ attr: 'id', exists: true }] },
      conflict(w.first.path, `${label.zh}已被同时修改或已停用，请重试 / the ${label.en} changed concurrently, retry`),
    );
  });
}
