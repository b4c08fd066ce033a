import { describe, expect, it } from 'vitest';
import type { InboxItem } from '@beatlink/shared/notifications/notifications';
import { DEFAULT_NOTIFICATION_CHOICES } from '@beatlink/shared/notifications/notifications';
import { allMarkedRead, badgeText, fieldHref, markedRead, officeHref, preferencesBody, readAllBody, reasonLabel, withChoice } from './notifications';

const item = (id: string, readAt?: string): InboxItem => ({ id, reason: 'duty_short', category: 'duty', title: 't', message: 'm', createdAt: '2026-11-24T01:00:00Z', ...(readAt ? { readAt } : {}) });

describe('notification links', () => {
  it('leads office users to the matter, the report, the absences and the week', () => {
    expect(officeHref({ subject: { type: 'matter', id: 'mat_1' } })).toBe('/matters/view?id=mat_1');
    expect(officeHref({ subject: { type: 'report', id: 'rpt_w_2026-W48_370283' } })).toBe('/reports/view?id=rpt_w_2026-W48_370283');
    expect(officeHref({ subject: { type: 'absence', id: 'abs_1' } })).toBe('/duty/absences');
    expect(officeHref({ subject: { type: 'week', id: '2026-W48' } }, 'ofr_1')).toBe('/duty/officer?officerId=ofr_1&week=2026-W48');
    expect(officeHref({ subject: { type: 'week', id: '2026-W48' } })).toBe('/m/duty?week=2026-W48');
    expect(officeHref({})).toBeUndefined();
  });

  it('leads officers on the phone to the field pages that exist', () => {
    expect(fieldHref({ subject: { type: 'matter', id: 'mat_1' } })).toBe('/m/matter?id=mat_1');
    expect(fieldHref({ subject: { type: 'absence', id: 'abs_1' } })).toBe('/m/absence');
    expect(fieldHref({ subject: { type: 'week', id: '2026-W48' } })).toBe('/m/duty?week=2026-W48');
    expect(fieldHref({ subject: { type: 'week', id: 'other' } })).toBe('/m/duty');
    expect(fieldHref({ subject: { type: 'report', id: 'rpt_w_2026-W48_370283' } })).toBeUndefined();
  });
});

describe('read marks and preferences', () => {
  it('marks one or all read, keeping earlier marks', () => {
    const items = [item('a'), item('b', '2026-11-20T00:00:00Z')];
    expect(markedRead(items, 'a', 'now').map((i) => i.readAt)).toEqual(['now', '2026-11-20T00:00:00Z']);
    expect(markedRead(items, 'b', 'now')[1]!.readAt).toBe('2026-11-20T00:00:00Z');
    expect(allMarkedRead(items, 'now').map((i) => i.readAt)).toEqual(['now', '2026-11-20T00:00:00Z']);
    expect(readAllBody([{ createdAt: '2026-11-20T00:00:00Z' }, { createdAt: '2026-11-24T01:00:00.000Z' }])).toEqual({ upTo: '2026-11-24T01:00:00.000Z' });
    expect(readAllBody([])).toBeUndefined();
    expect(badgeText(5)).toBe('5');
    expect(badgeText(120)).toBe('99+');
    expect(reasonLabel('duty_short')).toBe('驻村天数提醒');
  });

  it('flips one switch and sends every category with the version read', () => {
    const next = withChoice(DEFAULT_NOTIFICATION_CHOICES, 'duty', 'email', true);
    expect(next.duty).toEqual({ email: true, sms: true });
    expect(next.matters).toEqual(DEFAULT_NOTIFICATION_CHOICES.matters);
    expect(preferencesBody({ version: 2 }, next)).toEqual({ version: 2, categories: next });
  });
});
