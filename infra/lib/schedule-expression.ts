/**
 * Converts the schedule table's five-field cron (minute hour day-of-month month day-of-week, as
 * croner reads it locally) into an EventBridge Scheduler `cron(...)` expression, which differs:
 * it has a sixth field (year), numbers weekdays 1-7 from Sunday instead of 0-7, and needs `?` in
 * exactly one of the two day fields (it cannot combine a day of month with a day of week).
 */

const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Standard weekday (0-7, or a name) → 0-6, Sunday = 0. */
function weekday(token: string, cron: string): number {
  const byName = WEEKDAY_NAMES.indexOf(token.toUpperCase());
  if (byName >= 0) return byName;
  const n = Number(token);
  if (!/^\d+$/.test(token) || n > 7) throw new Error(`Invalid day of week "${token}" in cron "${cron}"`);
  return n % 7;
}

/** The set of weekdays (0-6) a standard day-of-week field selects. */
function weekdays(field: string, cron: string): Set<number> {
  const days = new Set<number>();
  for (const item of field.split(',')) {
    const [range = '', stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`Invalid step in day of week "${item}" in cron "${cron}"`);
    let from: number;
    let to: number;
    if (range === '*') {
      [from, to] = [0, 6];
    } else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      from = weekday(a, cron);
      // `5-7` ends on Sunday: count it as 7 so that the range does not run backwards.
      to = b === '7' ? 7 : weekday(b, cron);
      if (to < from) throw new Error(`Invalid day-of-week range "${range}" in cron "${cron}"`);
    } else {
      from = weekday(range, cron);
      to = stepText === undefined ? from : 6;
    }
    for (let d = from; d <= to; d += step) days.add(d % 7);
  }
  return days;
}

/** `*\/n` starts at the field's first value in EventBridge syntax. */
function startStep(field: string, first: number): string {
  return field.replace(/^\*\//, `${first}/`);
}

export function toSchedulerCron(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`Cron "${cron}" must have five fields (minute hour day-of-month month day-of-week)`);
  const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = fields;

  let domField = startStep(dayOfMonth, 1);
  let dowField: string;
  if (dayOfWeek === '*' || dayOfWeek === '?') {
    dowField = '?';
  } else {
    if (dayOfMonth !== '*' && dayOfMonth !== '?') {
      throw new Error(`Cron "${cron}" restricts both the day of month and the day of week, which EventBridge Scheduler cannot express`);
    }
    domField = '?';
    dowField = [...weekdays(dayOfWeek, cron)]
      .sort((a, b) => a - b)
      .map((d) => d + 1)
      .join(',');
  }
  return `cron(${startStep(minute, 0)} ${startStep(hour, 0)} ${domField} ${startStep(month, 1)} ${dowField} *)`;
}
