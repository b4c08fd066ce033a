import { describe, expect, it } from 'vitest';
import type { ScheduleDef } from '@beatlink/functions/schedules';
import { findSchedule, parseJobArgs } from './job-cli';

const table: ScheduleDef[] = [
  { job: 'weekly-analysis', cron: '0 7 * * 1', perTenant: true, description: '' },
  { job: 'rollup', cron: '30 2 * * *', perTenant: false, description: '' },
];

describe('parseJobArgs', () => {
  it('reads the job, --tenant and --at (normalised to UTC)', () => {
    expect(parseJobArgs(['weekly-analysis', '--tenant', '370283', '--at', '2026-03-02T07:00:00+08:00'])).toEqual({
      job: 'weekly-analysis',
      tenantId: '370283',
      at: '2026-03-01T23:00:00.000Z',
    });
  });

  it('refuses a missing job, a missing value, an unknown option and a bad time', () => {
    expect(() => parseJobArgs([])).toThrow(/Usage/);
    expect(() => parseJobArgs(['x', '--tenant'])).toThrow(/--tenant needs a value/);
    expect(() => parseJobArgs(['x', '--force'])).toThrow(/Unknown option --force/);
    expect(() => parseJobArgs(['x', '--at', 'tuesday'])).toThrow(/not an ISO-8601 time/);
  });
});

describe('findSchedule', () => {
  it('finds a job, or lists the known ones', () => {
    expect(findSchedule(table, 'rollup').perTenant).toBe(false);
    expect(() => findSchedule(table, 'nope')).toThrow('Unknown job "nope". Known jobs: weekly-analysis, rollup');
    expect(() => findSchedule([], 'nope')).toThrow(/has no jobs yet/);
  });
});
