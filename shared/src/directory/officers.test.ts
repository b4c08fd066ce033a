import { describe, expect, it } from 'vitest';
import { officerCreateSchema } from './officers';

const base = { name: '王建国', policeNumber: '037215', phone: '13805321234', username: 'wangjg' };
const station = 'stn_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
const dept = 'dep_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
const office = 'ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V';

function paths(input: unknown): string[] {
  const result = officerCreateSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('officer placement by role', () => {
  it('requires a station for community officers and allows an office', () => {
    expect(paths({ ...base, role: 'community_officer', stationId: station, officeId: office })).toEqual([]);
    expect(paths({ ...base, role: 'community_officer' })).toEqual(['stationId']);
  });
  it('requires a department for contact officers and refuses an office', () => {
    expect(paths({ ...base, role: 'contact_officer', departmentId: dept })).toEqual([]);
    expect(paths({ ...base, role: 'contact_officer', departmentId: dept, officeId: office })).toEqual(['officeId']);
  });
  it('refuses a role that is not an officer role', () => {
    expect(paths({ ...base, role: 'platform_admin' })).toContain('role');
  });
});
