import { describe, expect, it } from 'vitest';
import { DEFAULT_MATTER_CONFIG } from '@beatlink/shared/matters/config';
import { computeDeadlines } from '@beatlink/shared/matters/deadlines';
import { deadlineOverrides, fromZonedInput, slaPreview, toZonedInput } from './sla';

const AT = '2026-05-12T01:30:00.000Z';

describe('slaPreview', () => {
  it('gives the deadlines the API computes for the same category, severity and moment', () => {
    const preview = slaPreview(DEFAULT_MATTER_CONFIG.sla, 'civil_assistance', 'medium', AT);
    expect(preview).toEqual({ acceptHours: 8, feedbackHours: 72, acceptBy: '2026-05-12T09:30:00.000Z', feedbackBy: '2026-05-15T01:30:00.000Z' });
    for (const severity of ['high', 'medium', 'low'] as const) {
      const { acceptBy, feedbackBy } = slaPreview(DEFAULT_MATTER_CONFIG.sla, 'traffic', severity, AT)!;
      expect({ acceptBy, feedbackBy }).toEqual(computeDeadlines(DEFAULT_MATTER_CONFIG, 'traffic', severity, AT));
    }
  });

  it('is undefined for an unknown category, a missing table or a bad time', () => {
    expect(slaPreview(DEFAULT_MATTER_CONFIG.sla, 'nope', 'high', AT)).toBeUndefined();
    expect(slaPreview(undefined, 'traffic', 'high', AT)).toBeUndefined();
    expect(slaPreview(DEFAULT_MATTER_CONFIG.sla, 'traffic', 'high', 'yesterday')).toBeUndefined();
  });
});

describe('county wall time ↔ UTC', () => {
  it('shows a UTC instant in the county zone and reads it back', () => {
    expect(toZonedInput('2026-05-12T09:30:00.000Z', 'Asia/Shanghai')).toBe('2026-05-12T17:30');
    expect(fromZonedInput('2026-05-12T17:30', 'Asia/Shanghai')).toBe('2026-05-12T09:30:00.000Z');
    expect(fromZonedInput('2026-05-13T00:15', 'Asia/Shanghai')).toBe('2026-05-12T16:15:00.000Z');
    expect(toZonedInput('2026-07-01T12:00:00.000Z', 'Europe/Berlin')).toBe('2026-07-01T14:00');
    expect(fromZonedInput('2026-01-01T14:00', 'Europe/Berlin')).toBe('2026-01-01T13:00:00.000Z');
  });

  it('refuses what is not a datetime-local value', () => {
    expect(fromZonedInput('', 'Asia/Shanghai')).toBeUndefined();
    expect(fromZonedInput('12.05.2026 17:30', 'Asia/Shanghai')).toBeUndefined();
    expect(toZonedInput('soon')).toBe('');
  });
});

describe('deadlineOverrides', () => {
  const preview = { acceptBy: '2026-05-12T09:30:00.000Z', feedbackBy: '2026-05-15T01:30:00.000Z' };

  it('sends nothing for deadlines left as the SLA table gave them', () => {
    expect(deadlineOverrides(preview, { acceptBy: '2026-05-12T17:30', feedbackBy: '2026-05-15T09:30' })).toEqual({});
    expect(deadlineOverrides(preview, {})).toEqual({});
  });

  it('sends only the deadline the user changed, as UTC', () => {
    expect(deadlineOverrides(preview, { acceptBy: '2026-05-12T17:30', feedbackBy: '2026-05-14T18:00' })).toEqual({ feedbackBy: '2026-05-14T10:00:00.000Z' });
    expect(deadlineOverrides(undefined, { acceptBy: '2026-05-12T12:00' })).toEqual({ acceptBy: '2026-05-12T04:00:00.000Z' });
  });
});
