import { describe, expect, it } from 'vitest';
import type { TxOp } from '../../data/repository';
import { fixedClock } from '../../lib/clock';
import type { TenantContext } from '../../lib/tenant-context';
import type { AuditAppender, AuditEntryInput } from '../audit/audit-log';
import { recordRevealOps } from './reveal-log';

const officer: TenantContext = { tenantId: '370283', username: 'officer.1', name: '王警官', roles: ['community_officer'], scope: 'unit' };

/** Records what would be appended to the audit chain, and stands for its ops. */
function fakeAudit() {
  const appended: Array<{ tenantId: string; entries: readonly AuditEntryInput[] }> = [];
  const auditOp = { action: 'audit', onConditionFailed: new Error('x') } as unknown as TxOp;
  const append: AuditAppender = async (tenantId, entries) => {
    appended.push({ tenantId, entries });
    return [auditOp];
  };
  return { appended, append, auditOp };
}

describe('recordRevealOps', () => {
  it('records who revealed which field of which record, when and why, listed under the record', async () => {
    const audit = fakeAudit();
    const [op] = await recordRevealOps(officer, { recordKind: 'matter', recordId: 'mat_1', field: 'reporter.phone', reason: '回访' }, fixedClock('2026-11-29T06:00:00.000Z'), audit.append);
    const item = (op!.action.params() as { Put: { Item: Record<string, unknown> } }).Put.Item;
    expect(item).toMatchObject({
      pk: 'T#370283#REVEAL',
      gsi1pk: 'T#370283#REVEAL#BY#MATTER#mat_1',
      recordKind: 'matter',
      recordId: 'mat_1',
      field: 'reporter.phone',
      reason: '回访',
      by: 'officer.1',
      byName: '王警官',
      byRoles: ['community_officer'],
      at: '2026-11-29T06:00:00.000Z',
    });
    expect(item.id).toMatch(/^rvl_[0-9A-Z]{26}$/);
    expect(item.sk).toBe(`2026-11-29T06:00:00.000Z#${String(item.id)}`);
    expect(item.gsi1sk).toBe(item.sk);
  });

  it('appends the reveal to the county’s audit chain in the same transaction, without the reason', async () => {
    const audit = fakeAudit();
    const ops = await recordRevealOps(officer, { recordKind: 'matter', recordId: 'mat_1', field: 'reporter', reason: '回访王秀英' }, fixedClock('2026-11-29T06:00:00.000Z'), audit.append);
    expect(ops).toHaveLength(2);
    expect(ops[1]).toBe(audit.auditOp);
    const revealId = (ops[0]!.action.params() as { Put: { Item: Record<string, unknown> } }).Put.Item.id;
    expect(audit.appended).toEqual([
      {
        tenantId: '370283',
        entries: [
          {
            actor: { username: 'officer.1', name: '王警官', roles: ['community_officer'] },
            action: 'reveal',
            record: { kind: 'matter', id: 'mat_1' },
            summary: { field: 'reporter', revealId },
            at: '2026-11-29T06:00:00.000Z',
          },
        ],
      },
    ]);
    expect(JSON.stringify(audit.appended)).not.toContain('王秀英');
  });

  it('refuses a caller of no county before writing anything', async () => {
    const audit = fakeAudit();
    await expect(recordRevealOps({ ...officer, tenantId: undefined }, { recordKind: 'matter', recordId: 'mat_1', field: 'reporter', reason: 'x' }, undefined, audit.append)).rejects.toThrow(/no county/);
    expect(audit.appended).toHaveLength(0);
  });
});
