import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_CHOICES } from '@beatlink/shared';
import { channelsFor } from './delivery';
import { countyDirectory, type DirectoryPerson } from './recipients';

/** Pure parts of delivery: who an audience is, and which channels a user's choices turn on. */
const people: DirectoryPerson[] = [
  { username: 'co', role: 'community_officer', officerId: 'off_1', stationId: 'stn_1', officeId: 'ofc_1', mobile: '13800000001' },
  { username: 'aux', role: 'auxiliary', officerId: 'off_2', stationId: 'stn_1', officeId: 'ofc_1' },
  { username: 'ct', role: 'contact_officer', officerId: 'off_3', departmentId: 'dep_1', workstationId: 'wks_1' },
  { username: 'chief', role: 'station_chief', officerId: 'off_4', stationId: 'stn_1' },
  { username: 'po', role: 'program_office', officerId: 'off_5', departmentId: 'dep_1' },
  { username: 'staff', role: 'agency_staff', agencyId: 'agy_1', email: 'a@example.cn' },
];
const directory = countyDirectory(people);
const who = (key: string, roles?: string[]) => directory.resolve({ kind: 'role', key, ...(roles ? { roles } : {}) }).map((r) => r.username);

describe('audiences', () => {
  it('resolves officers, units, agencies and roles', () => {
    expect(who('OFFICER#off_3')).toEqual(['ct']);
    expect(who('UNIT#ofc_1')).toEqual(['co', 'aux']);
    expect(who('UNIT#wks_1')).toEqual(['ct']);
    expect(who('UNIT#stn_1')).toEqual(['chief']);
    expect(who('UNIT#dep_1')).toEqual(['ct', 'po']);
    expect(who('AGENCY#agy_1')).toEqual(['staff']);
    expect(who('ROLE#station_chief#stn_1', ['station_chief'])).toEqual(['chief']);
    expect(who('ROLE#auxiliary#ofc_1')).toEqual(['aux']);
    expect(who('ROLE#program_office')).toEqual(['po']);
    expect(who('ROLE#station_chief#stn_2')).toEqual([]);
    expect(who('NOBODY#x')).toEqual([]);
  });
});

describe('channel choices', () => {
  it('uses the defaults until the user saves, then his choice for the reason’s category', () => {
    expect(channelsFor(undefined, { reason: 'overdue' })).toEqual(['sms']);
    expect(channelsFor(undefined, { reason: 'report_ready' })).toEqual(['email']);
    const mine = { ...DEFAULT_NOTIFICATION_CHOICES, duty: { email: true, sms: false } };
    expect(channelsFor(mine, { reason: 'contact_session' })).toEqual(['email']);
    expect(channelsFor(mine, { reason: 'deadline_near' })).toEqual(['sms']);
  });
});
