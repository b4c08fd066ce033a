import { describe, expect, it } from 'vitest';
import { inboxLabel, inboxesFor, pickInbox } from './inboxes';

describe('inboxesFor', () => {
  it('gives each role the inboxes it works with, in tab order', () => {
    expect(inboxesFor(['program_office'])).toEqual(['triage', 'overdue', 'linkage', 'all', 'reported']);
    expect(inboxesFor(['governance_office'])).toEqual(['triage', 'overdue', 'linkage', 'all', 'reported']);
    expect(inboxesFor(['station_chief'])).toEqual(['triage', 'mine', 'overdue', 'all', 'reported']);
    expect(inboxesFor(['community_officer'])).toEqual(['mine', 'all', 'reported']);
    expect(inboxesFor(['auxiliary'])).toEqual(['all', 'reported']);
    expect(inboxesFor(['bureau_leader'])).toEqual(['overdue', 'linkage', 'all']);
    expect(inboxesFor(['agency_staff'])).toEqual(['mine', 'all']);
  });

  it('labels them in Chinese', () => {
    expect(inboxLabel('triage')).toBe('待研判');
    expect(inboxLabel('mine')).toBe('我的待办');
    expect(inboxLabel('overdue')).toBe('超期督办');
    expect(inboxLabel('linkage')).toBe('综治联动');
    expect(inboxLabel('all')).toBe('全部');
    expect(inboxLabel('reported')).toBe('我录入的');
  });

});

describe('pickInbox', () => {
  it('takes the requested inbox when the user has it, else his first', () => {
    expect(pickInbox('overdue', ['triage', 'overdue'])).toBe('overdue');
    expect(pickInbox('mine', ['triage', 'overdue'])).toBe('triage');
    expect(pickInbox(null, ['all'])).toBe('all');
  });
});
