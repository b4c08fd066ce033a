import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@beatlink/shared/permissions';
import type { Role } from '@beatlink/shared/roles';
import { assessmentLinks } from './assessment-links';

const as = (role: Role) => ({ roles: [role], permissions: PERMISSIONS[role] });

describe('the assessment link on the field home', () => {
  it('gives community and contact officers 我的考核; others nothing', () => {
    for (const role of ['community_officer', 'contact_officer'] as const) expect(assessmentLinks(as(role)).map((l) => l.href)).toEqual(['/m/scores']);
    for (const role of ['station_chief', 'auxiliary', 'program_office', 'bureau_leader', 'agency_staff'] as const) expect(assessmentLinks(as(role))).toEqual([]);
  });
});
