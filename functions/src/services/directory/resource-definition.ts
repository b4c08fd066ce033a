import type { RecordMeta, Role } from '@beatlink/shared';
import type { Condition } from '../../data/conditions';
import type { DirectoryKind, ParentKind, RecordQuery } from '../../data/directory-records';
import type { TxOp } from '../../data/repository';
import type { UniqueValue } from '../../data/unique-values';
import type { TenantContext, TenantScopedContext } from '../../lib/tenant-context';
import type { Claim } from './claims';
import type { DirectoryRules } from './rules';
import type { UnitReader } from './unit-reader';

/**
 * How one directory record type differs from the others. The generic service
 * (resource-service.ts) does create / get / list / update / deactivate for every type; a
 * definition only says what is particular: references, claims, unique values, children, account.
 */
export interface ResourceDefinition<T extends RecordMeta> {
  kind: DirectoryKind;
  label: { zh: string; en: string };
  /** Server-maintained attributes a new record starts with (counters). */
  initial?: Partial<T>;
  /**
   * Checks the record's references (throwing an AppError naming the field) and fills derived
   * fields (a village's stationId). `previous` is set on updates.
   */
  resolve?(record: T, io: ResolveIo<T>): Promise<T>;
  /** What the record holds on other units while it is active. */
  claims?(record: T, rules: DirectoryRules): Claim[];
  /** Values unique in a scope (police number, username). */
  uniques?(record: T, tenantId: string): UniqueValue[];
  /** What must be gone before the record can be deactivated (active children, held slots). */
  blockers?: Blocker[];
  /** Children deactivated together with the record (an office's empty workstations). */
  cascade?(record: T, io: ResolveIo<T>): Promise<Cascade>;
  /** The sign-in account that belongs to the record. */
  identity?: IdentityBinding<T>;
  /** Which partition a list reads and the filters beyond status. */
  listQuery(query: ListInput): RecordQuery;
  /** A parent the list is under, which must exist (404 naming `path`). */
  listParent?(query: ListInput): { kind: ParentKind; id: string; path: string } | undefined;
  /** A narrower scope than the tenant (`unit`): the attribute that must equal the caller's unit. */
  restrict?(ctx: TenantContext): { attr: string; value: string } | undefined;
}

export interface ResolveIo<T> {
  ctx: TenantScopedContext;
  units: UnitReader;
  rules: DirectoryRules;
  /** The time of the change (ISO-8601 UTC). */
  now: string;
  previous?: T;
}

export interface Blocker {
  attr: string;
  /** `count`: blocks while the counter is above zero; `slot`: while the attribute is set. */
  type: 'count' | 'slot';
  message: string;
}

export interface Cascade {
  ops: TxOp[];
  /** Ops that undo `ops` (only used to compensate a failed account change). */
  undo: TxOp[];
  /** Extra attributes and conditions for the record's own update. */
  set: Record<string, unknown>;
  conditions: Condition[];
}

export interface IdentityBinding<T> {
  username(record: T): string;
  group(record: T): Role;
  /** The account's attributes; `undefined` values are absent (deleted on update). */
  attributes(record: T, tenantId: string): Record<string, string | undefined>;
  /** Field named when the username is taken. */
  usernamePath: string;
}

export type ListInput = Record<string, unknown> & { limit: number; cursor?: string; status: 'active' | 'inactive' | 'all' };
