import { describe, expect, it } from 'vitest';
import {
  agencyCreateSchema,
  agencyStaffCreateSchema,
  departmentCreateSchema,
  OFFICER_ROLES,
  officeCreateSchema,
  stationCreateSchema,
  villageCreateSchema,
  workstationCreateSchema,
  officerCreateSchema,
  usernameSchema,
} from '@beatlink/shared';
import { planCounty, type CountyPlan } from './seed-plan';

const FAKE_IDS = {
  station: 'stn_01ARZ3NDEKTSV4RRFFQ69G5FAV',
  office: 'ofc_01ARZ3NDEKTSV4RRFFQ69G5FAV',
  workstation: 'wks_01ARZ3NDEKTSV4RRFFQ69G5FAV',
  department: 'dep_01ARZ3NDEKTSV4RRFFQ69G5FAV',
};

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function expectValidAgainstApiSchemas(plan: CountyPlan): void {
  for (const d of plan.departments) departmentCreateSchema.parse(d.input);
  for (const s of plan.stations) stationCreateSchema.parse(s.input);
  for (const o of plan.offices) officeCreateSchema.parse({ ...o.input, stationId: FAKE_IDS.station });
  for (const w of plan.workstations) workstationCreateSchema.parse({ ...w.input, officeId: FAKE_IDS.office });
  for (const v of plan.villages) villageCreateSchema.parse({ ...v.input, officeId: FAKE_IDS.office, workstationId: FAKE_IDS.workstation });
  for (const o of plan.officers) {
    officerCreateSchema.parse({
      ...o.input,
      ...(o.placement.stationKey ? { stationId: FAKE_IDS.station } : {}),
      ...(o.placement.officeKey ? { officeId: FAKE_IDS.office } : {}),
      ...(o.placement.workstationKey ? { workstationId: FAKE_IDS.workstation } : {}),
      ...(o.placement.departmentKey ? { departmentId: FAKE_IDS.department } : {}),
    });
  }
  for (const a of plan.agencies) agencyCreateSchema.parse(a.input);
  for (const s of plan.agencyStaff) agencyStaffCreateSchema.parse(s.input);
  usernameSchema.parse(plan.admin.username);
}

describe('planCounty full 370283 (shaped like the seed county)', () => {
  const plan = planCounty('370283', 'full');

  it('has 80 offices, 270 workstations, 1–6 workstations per office', () => {
    expect(plan.offices).toHaveLength(80);
    expect(plan.workstations).toHaveLength(270);
    const perOffice = countBy(plan.workstations, (w) => w.officeKey);
    expect(perOffice.size).toBe(80);
    expect(Math.min(...perOffice.values())).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perOffice.values())).toBeLessThanOrEqual(6);
    expect(plan.stations.length).toBe(15);
  });

  it('covers every village by exactly one office and one workstation of that office, 1–3 per workstation', () => {
    const officeOfWorkstation = new Map(plan.workstations.map((w) => [w.key, w.officeKey]));
    for (const v of plan.villages) expect(officeOfWorkstation.get(v.workstationKey)).toBe(v.officeKey);
    const perWorkstation = countBy(plan.villages, (v) => v.workstationKey);
    expect(perWorkstation.size).toBe(270);
    expect(Math.min(...perWorkstation.values())).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perWorkstation.values())).toBeLessThanOrEqual(3);
    expect(new Set(plan.villages.map((v) => v.input.kind))).toEqual(new Set(['village', 'community']));
    expect(new Set(plan.villages.map((v) => v.input.divisionCode)).size).toBe(plan.villages.length);
  });

  it('staffs every office, workstation and station', () => {
    const byRole = countBy(plan.officers, (o) => o.input.role);
    expect(byRole.get('community_officer')).toBe(80);
    expect(byRole.get('auxiliary')).toBe(160);
    expect(byRole.get('contact_officer')).toBe(270);
    expect(byRole.get('station_chief')).toBe(15);
    for (const role of OFFICER_ROLES) expect(byRole.get(role)).toBeGreaterThan(0);
    expect(new Set(plan.officers.map((o) => o.input.username)).size).toBe(plan.officers.length);
    expect(new Set(plan.officers.map((o) => o.input.policeNumber)).size).toBe(plan.officers.length);
  });

  it('has the linkage agencies, a township government, and staff for each', () => {
    const kinds = plan.agencies.map((a) => a.input.kind);
    expect(kinds).toEqual(expect.arrayContaining(['civil_affairs', 'justice', 'transport', 'township']));
    expect(plan.agencies.find((a) => a.input.kind === 'civil_affairs')?.input.name).toBe('平度市民政局');
    expect(plan.agencies.find((a) => a.input.kind === 'township')?.input.name).toMatch(/^平度市.+镇人民政府$/);
    expect(new Set(plan.agencyStaff.map((s) => s.agencyKey)).size).toBe(plan.agencies.length);
  });

  it('passes the API’s own schemas', () => expectValidAgainstApiSchemas(plan));

  it('is deterministic', () => {
    expect(planCounty('370283', 'full')).toEqual(plan);
  });
});

describe('planCounty small', () => {
  for (const tenantId of ['370283', '370211']) {
    it(`${tenantId}: a couple of each record and every role, valid for the API`, () => {
      const plan = planCounty(tenantId, 'small');
      expect(plan.stations.length).toBe(2);
      expect(plan.offices.length).toBe(3);
      expect(plan.workstations.length).toBe(5);
      expect(new Set(plan.officers.map((o) => o.input.role))).toEqual(new Set(OFFICER_ROLES));
      expect(Object.keys(plan.demoUsernames).sort()).toEqual([...OFFICER_ROLES, 'agency_staff'].sort());
      expect(plan.agencies.map((a) => a.input.kind)).toEqual(['civil_affairs', 'justice', 'transport', 'township']);
      expectValidAgainstApiSchemas(plan);
    });
  }

  it('keeps usernames of the two counties apart', () => {
    const a = planCounty('370283', 'small').officers.map((o) => o.input.username);
    const b = new Set(planCounty('370211', 'small').officers.map((o) => o.input.username));
    expect(a.filter((u) => b.has(u))).toEqual([]);
  });
});
