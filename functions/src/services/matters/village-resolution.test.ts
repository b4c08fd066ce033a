import { describe, expect, it } from 'vitest';
import { resolveVillage } from './village-resolution';

const v = (id: string, name: string, extra: { divisionCode?: string; location?: { lat: number; lng: number }; status?: 'active' | 'inactive' } = {}) => ({
  id,
  name,
  status: extra.status ?? ('active' as const),
  ...(extra.divisionCode ? { divisionCode: extra.divisionCode } : {}),
  ...(extra.location ? { location: extra.location } : {}),
});

const villages = [
  v('vil_A', '东村', { divisionCode: '370283101001', location: { lat: 36.0, lng: 120.0 } }),
  v('vil_B', '东村新村', { divisionCode: '370283101002', location: { lat: 36.03, lng: 120.0 } }),
  v('vil_C', '西村', { divisionCode: '370283101003', status: 'inactive', location: { lat: 36.1, lng: 120.1 } }),
];

describe('resolveVillage', () => {
  it('takes the id, then the division code, then the point, then the address', () => {
    expect(resolveVillage(villages, { villageId: 'vil_B', divisionCode: '370283101001' })).toEqual({ village: villages[1] });
    expect(resolveVillage(villages, { divisionCode: '370283101002', address: '东村' })).toEqual({ village: villages[1] });
    expect(resolveVillage(villages, { location: { lat: 36.025, lng: 120.0 }, address: '东村' })).toEqual({ village: villages[1] });
    expect(resolveVillage(villages, { address: '某县东村新村二组' })).toEqual({ village: villages[1] });
    expect(resolveVillage(villages, { address: '某县东村一组' })).toEqual({ village: villages[0] });
  });

  it('falls through a hint that names nothing to the next one', () => {
    expect(resolveVillage(villages, { villageId: 'vil_Z', address: '东村' })).toEqual({ village: villages[0] });
  });

  it('finds no point more than 5 km away and no inactive village, naming the first hint given', () => {
    expect(resolveVillage(villages, { location: { lat: 36.2, lng: 120.0 } })).toEqual({ field: 'location' });
    expect(resolveVillage(villages, { divisionCode: '370283101003', address: '西村' })).toEqual({ field: 'divisionCode' });
    expect(resolveVillage(villages, { address: '北村' })).toEqual({ field: 'address' });
    expect(resolveVillage(villages, { location: { lat: 36.1, lng: 120.1 } })).toEqual({ field: 'location' });
  });
});
