import { describe, expect, it } from 'vitest';
import type { AppError } from '../../lib/app-error';
import type { TenantScopedContext } from '../../lib/tenant-context';
import { checkClaims, claimOps, diffClaims, invertChange, unitRefKey, withoutLimits, type Claim, type UnitState } from './claims';

const ctx: TenantScopedContext = { tenantId: '370285', username: 'a', name: 'a', roles: ['program_office'], scope: 'tenant' };

const wsInOffice = (holder: string, officeId = 'ofc_1'): Claim => ({
  type: 'count',
  unit: 'office',
  unitId: officeId,
  attr: 'activeWorkstationCount',
  holder,
  path: 'officeId',
  max: 6,
  min: 1,
  limitMessage: 'full',
  minMessage: 'too few',
});
const communitySlot = (holder: string, officeId = 'ofc_1'): Claim => ({
  type: 'slot',
  unit: 'office',
  unitId: officeId,
  attr: 'communityOfficerId',
  holder,
  path: 'officeId',
  takenMessage: 'taken',
});
const stationMember = (holder: string, stationId = 'stn_1'): Claim => ({ type: 'count', unit: 'station', unitId: stationId, attr: 'activeOfficerCount', holder, path: 'stationId' });

const units = (entries: Array<[string, string, UnitState | undefined]>) => new Map(entries.map(([u, id, s]) => [unitRefKey(u as never, id), s]));

const errorOf = (fn: () => void): AppError => {
  try {
    fn();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected an error');
};

describe('diffClaims', () => {
  it('acquires what is new and releases what is gone; unchanged claims are left alone', () => {
    const before = [stationMember('ofr_1'), communitySlot('ofr_1', 'ofc_1')];
    const after = [stationMember('ofr_1'), communitySlot('ofr_1', 'ofc_2')];
    const change = diffClaims(before, after);
    expect(change.acquire).toEqual([communitySlot('ofr_1', 'ofc_2')]);
    expect(change.release).toEqual([communitySlot('ofr_1', 'ofc_1')]);
    expect(invertChange(change)).toEqual({ acquire: change.release, release: change.acquire });
  });
});

describe('checkClaims', () => {
  it('404 naming the field when the unit is missing or inactive (another county included)', () => {
    const change = { acquire: [wsInOffice('wks_1')], release: [] };
    expect(errorOf(() => checkClaims(change, units([['office', 'ofc_1', undefined]])))).toMatchObject({ code: 'NOT_FOUND', details: [{ path: 'officeId' }] });
    expect(errorOf(() => checkClaims(change, units([['office', 'ofc_1', { status: 'inactive', activeWorkstationCount: 0 }]]))).code).toBe('NOT_FOUND');
  });

  it('409 at the maximum, below the minimum, and for a taken slot', () => {
    const full = units([['office', 'ofc_1', { status: 'active', activeWorkstationCount: 6 }]]);
    expect(errorOf(() => checkClaims({ acquire: [wsInOffice('wks_7')], release: [] }, full))).toMatchObject({ code: 'CONFLICT', message: 'full' });
    const atMin = units([['office', 'ofc_1', { status: 'active', activeWorkstationCount: 1 }]]);
    expect(errorOf(() => checkClaims({ acquire: [], release: [wsInOffice('wks_1')] }, atMin))).toMatchObject({ code: 'CONFLICT', message: 'too few' });
    const taken = units([['office', 'ofc_1', { status: 'active', communityOfficerId: 'ofr_9' }]]);
    expect(errorOf(() => checkClaims({ acquire: [communitySlot('ofr_1')], release: [] }, taken))).toMatchObject({ code: 'CONFLICT', details: [{ path: 'officeId' }] });
  });

  it('passes below the maximum, above the minimum, for a free or own slot, and below the minimum of an inactive unit', () => {
    expect(() =>
      checkClaims(
        { acquire: [wsInOffice('wks_6'), communitySlot('ofr_1')], release: [] },
        units([['office', 'ofc_1', { status: 'active', activeWorkstationCount: 5, communityOfficerId: 'ofr_1' }]]),
      ),
    ).not.toThrow();
    expect(() => checkClaims({ acquire: [], release: [wsInOffice('wks_1')] }, units([['office', 'ofc_1', { status: 'active', activeWorkstationCount: 2 }]]))).not.toThrow();
    expect(() => checkClaims({ acquire: [], release: [wsInOffice('wks_1')] }, units([['office', 'ofc_1', { status: 'inactive', activeWorkstationCount: 1 }]]))).not.toThrow();
  });
});

describe('claimOps', () => {
  it('writes each unit once, with the conditions that keep the claims safe', () => {
    const ops = claimOps(ctx, { acquire: [wsInOffice('wks_2'), communitySlot('ofr_1'), stationMember('ofr_1')], release: [] });
    expect(ops).toHaveLength(2);
    const office = ops[0]!.action.params() as { Update: { Key: unknown; UpdateExpression: string; ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> } };
    expect(office.Update.Key).toEqual({ pk: 'T#370285#OFFICE', sk: 'ofc_1' });
    const names = Object.values(office.Update.ExpressionAttributeNames);
    expect(names).toEqual(expect.arrayContaining(['status', 'activeWorkstationCount', 'communityOfficerId', 'id']));
    expect(office.Update.UpdateExpression).toMatch(/ADD/);
    expect(office.Update.ConditionExpression).toMatch(/attribute_not_exists/);
    expect(office.Update.ConditionExpression).toMatch(/</);
    expect(Object.values(office.Update.ExpressionAttributeValues)).toEqual(expect.arrayContaining(['active', 6, 'ofr_1']));
  });

  it('releases a slot only from its holder and keeps the minimum while the unit is active', () => {
    const [release] = claimOps(ctx, { acquire: [], release: [communitySlot('ofr_1'), wsInOffice('wks_1')] });
    const params = release!.action.params() as { Update: { UpdateExpression: string; ConditionExpression: string } };
    expect(params.Update.UpdateExpression).toMatch(/REMOVE/);
    expect(params.Update.ConditionExpression).toMatch(/<>/);
    expect(params.Update.ConditionExpression).toMatch(/>/);
  });

  it('undoing drops maxima and minima', () => {
    const relaxed = withoutLimits({ acquire: [wsInOffice('w')], release: [wsInOffice('v')] });
    expect(relaxed.acquire[0]).toMatchObject({ max: undefined, min: undefined });
    expect(relaxed.release[0]).toMatchObject({ max: undefined, min: undefined });
  });
});
