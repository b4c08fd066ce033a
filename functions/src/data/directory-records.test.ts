import { describe, expect, it } from 'vitest';
import type { TenantScopedContext } from '../lib/tenant-context';
import { changesBetween, childPartition, indexKeysOf, partitionOf } from './directory-records';

const ctx: TenantScopedContext = { tenantId: '370285', username: 'a', name: 'a', roles: ['program_office'], scope: 'tenant' };

describe('keys', () => {
  it('puts every tenant key under T#<tenant>#', () => {
    expect(partitionOf('370285', 'agencyStaff')).toBe('T#370285#AGENCY_STAFF');
    expect(childPartition('370285', 'village', 'workstation', 'wks_1')).toBe('T#370285#VILLAGE#BY#WORKSTATION#wks_1');
  });
  it('lists villages under their office (gsi1) and workstation (gsi2), sorted by name', () => {
    expect(indexKeysOf('370285', 'village', { id: 'vil_1', name: '东村', officeId: 'ofc_1', workstationId: 'wks_1' })).toEqual({
      gsi1pk: 'T#370285#VILLAGE#BY#OFFICE#ofc_1',
      gsi1sk: '东村#vil_1',
      gsi2pk: 'T#370285#VILLAGE#BY#WORKSTATION#wks_1',
      gsi2sk: '东村#vil_1',
    });
  });
  it('lists officers under their station, else their department, else nowhere', () => {
    expect(indexKeysOf('370285', 'officer', { id: 'o', name: 'n', stationId: 's' }).gsi1pk).toBe('T#370285#OFFICER#BY#STATION#s');
    expect(indexKeysOf('370285', 'officer', { id: 'o', name: 'n', departmentId: 'd' }).gsi1pk).toBe('T#370285#OFFICER#BY#DEPARTMENT#d');
    expect(indexKeysOf('370285', 'officer', { id: 'o', name: 'n' })).toEqual({ gsi1pk: undefined, gsi1sk: undefined, gsi2pk: undefined, gsi2sk: undefined });
  });
});

describe('changesBetween', () => {
  it('sets changed fields and index keys, removes cleared ones', () => {
    const before = { id: 'o', name: '甲', stationId: 's', officeId: 'f', version: 1 };
    const after = { id: 'o', name: '乙', stationId: 's', version: 2 };
    expect(changesBetween(ctx, 'officer', before, after)).toEqual({
      set: { name: '乙', version: 2, gsi1sk: '乙#o' },
      remove: ['officeId'],
    });
  });
  it('compares maps by value', () => {
    const a = { id: 's', name: 'n', location: { lat: 1, lng: 2 } };
    expect(changesBetween(ctx, 'station', a, { ...a, location: { lng: 2, lat: 1 } })).toEqual({ set: {}, remove: [] });
  });
});
