import { describe, expect, it } from 'vitest';
import { parseClaims, parseGroups } from './claims';

describe('parseGroups', () => {
  it('reads the HTTP API string form [a b]', () => {
    expect(parseGroups('[program_office station_chief]')).toEqual(['program_office', 'station_chief']);
  });
  it('reads a JSON array string and a real array', () => {
    expect(parseGroups('["bureau_leader","auxiliary"]')).toEqual(['bureau_leader', 'auxiliary']);
    expect(parseGroups(['agency_staff'])).toEqual(['agency_staff']);
  });
  it('reads a single group and ignores unknown ones and duplicates', () => {
    expect(parseGroups('platform_admin')).toEqual(['platform_admin']);
    expect(parseGroups('[admin program_office program_office]')).toEqual(['program_office']);
    expect(parseGroups(undefined)).toEqual([]);
    expect(parseGroups('[]')).toEqual([]);
  });
});

describe('parseClaims', () => {
  it('maps Cognito claims and drops empty values', () => {
    expect(
      parseClaims({
        'cognito:username': 'admin370285',
        'cognito:groups': '[program_office]',
        name: '张三',
        'custom:tenantId': '370285',
        'custom:provinceId': '370000',
        'custom:unitId': '',
      }),
    ).toEqual({
      username: 'admin370285',
      name: '张三',
      roles: ['program_office'],
      tenantId: '370285',
      provinceId: '370000',
      officerId: undefined,
      unitId: undefined,
      agencyId: undefined,
    });
  });
  it('falls back to the access token username claim', () => {
    expect(parseClaims({ username: 'u1' }).username).toBe('u1');
  });
});
