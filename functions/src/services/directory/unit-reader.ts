import { notFound } from '../../lib/app-error';
import { getRecord, type ParentKind } from '../../data/directory-records';
import type { TenantScopedContext } from '../../lib/tenant-context';
import { unitLabel, unitRefKey, unitsOf, type ClaimChange, type UnitState } from './claims';

/**
 * Reads the units one change refers to, each at most once per request. A unit of another county
 * is simply not found: reads go to the caller's tenant partitions only.
 */
export class UnitReader {
  private readonly cache = new Map<string, Promise<UnitState | undefined>>();

  constructor(private readonly tenant: TenantScopedContext) {}

  get<T extends object = UnitState>(unit: ParentKind, id: string): Promise<T | undefined> {
    const key = unitRefKey(unit, id);
    let pending = this.cache.get(key);
    if (!pending) {
      pending = getRecord<UnitState>(this.tenant, unit, id);
      this.cache.set(key, pending);
    }
    return pending as Promise<T | undefined>;
  }

  /** The unit, which must exist and be active; else 404 naming the input field. */
  async requireActive<T extends object = UnitState>(unit: ParentKind, id: string, path: string): Promise<T> {
    const found = await this.get<T>(unit, id);
    if (!found || (found as UnitState).status !== 'active') {
      const label = unitLabel(unit);
      throw notFound(path, `${label.zh}不存在或已停用 / ${label.en} not found or inactive`);
    }
    return found;
  }

  /** Every unit a claim change touches, keyed for `checkClaims`. */
  async load(change: ClaimChange): Promise<Map<string, UnitState | undefined>> {
    const refs = unitsOf(change);
    const states = await Promise.all(refs.map((r) => this.get(r.unit, r.unitId)));
    return new Map(refs.map((r, i) => [unitRefKey(r.unit, r.unitId), states[i]]));
  }
}
