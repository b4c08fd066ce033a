import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock';
import type { TenantContext } from '../../lib/tenant-context';
import { revealRecordOp } from './reveal-log';

const officer: TenantContext = { tenantId: '370283', username: 'officer.1', name: '王警官', roles: ['community_officer'], scope: 'unit' };

describe('revealRecordOp', () => {
  it('records who revealed which field of which record, when and why, listed under the record', () => {
    const op = revealRecordOp(officer, { recordKind: 'matter', recordId: 'mat_1', field: 'reporter.phone', reason: '回访' }, fixedClock('2026-11-29T06:00:00.000Z'));
    const item = (op.action.params() as { Put: { Item: Record<string, unknown> } }).Put.Item;
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
});
