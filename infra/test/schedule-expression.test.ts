import { describe, expect, it } from 'vitest';
import { toSchedulerCron } from '../lib/schedule-expression';

describe('toSchedulerCron', () => {
  it.each([
    ['0 6 * * 1', 'cron(0 6 ? * 2 *)'],
    ['30 2 * * *', 'cron(30 2 * * ? *)'],
    ['0 9 1 * *', 'cron(0 9 1 * ? *)'],
    ['*/15 8-18 * * *', 'cron(0/15 8-18 * * ? *)'],
    ['0 */2 */5 */3 *', 'cron(0 0/2 1/5 1/3 ? *)'],
    ['0 8 * * 1-5', 'cron(0 8 ? * 2,3,4,5,6 *)'],
    ['0 8 * * 5-7', 'cron(0 8 ? * 1,6,7 *)'],
    ['0 8 * * 0', 'cron(0 8 ? * 1 *)'],
    ['0 8 * * 7', 'cron(0 8 ? * 1 *)'],
    ['0 8 * * MON,fri', 'cron(0 8 ? * 2,6 *)'],
    ['0 8 * * */2', 'cron(0 8 ? * 1,3,5,7 *)'],
    ['0 8 * * 1/3', 'cron(0 8 ? * 2,5 *)'],
  ])('%s → %s', (cron, expected) => {
    expect(toSchedulerCron(cron)).toBe(expected);
  });

  it.each([
    ['0 6 * *', /five fields/],
    ['0 6 1 * 1', /both the day of month and the day of week/],
    ['0 6 * * 8', /Invalid day of week/],
    ['0 6 * * 5-2', /Invalid day-of-week range/],
  ])('rejects %s', (cron, message) => {
    expect(() => toSchedulerCron(cron)).toThrow(message);
  });
});
