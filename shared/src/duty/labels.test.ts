import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHECK_IN_FLAG_REASON_LABELS,
  CHECK_IN_FLAG_REASONS,
  COMPLIANCE_STATUS_LABELS,
  COMPLIANCE_STATUSES,
  MAKE_UP_STATUS_LABELS,
  MAKE_UP_STATUSES,
  MAKE_UP_UNIT_LABELS,
  MAKE_UP_UNITS,
} from './labels';

describe('duty labels', () => {
  it('labels the compliance statuses as the bureau says them', () => {
    expect(COMPLIANCE_STATUSES.map((s) => COMPLIANCE_STATUS_LABELS[s].zh)).toEqual(['达标', '不足', '已报备', '违规']);
  });

  it('labels every value in both languages', () => {
    const tables: Array<[readonly string[], Record<string, { zh: string; en: string }>]> = [
      [COMPLIANCE_STATUSES, COMPLIANCE_STATUS_LABELS],
      [MAKE_UP_STATUSES, MAKE_UP_STATUS_LABELS],
      [MAKE_UP_UNITS, MAKE_UP_UNIT_LABELS],
      [CHECK_IN_FLAG_REASONS, CHECK_IN_FLAG_REASON_LABELS],
    ];
    for (const [values, labels] of tables) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const v of values) expect(labels[v]?.zh && labels[v]?.en, v).toBeTruthy();
    }
  });

  it('stays zod-free, like geo.ts and familiarity.ts, so the portal can import them alone', () => {
    for (const file of ['./labels.ts', './geo.ts', '../intel/familiarity.ts']) {
      expect(readFileSync(new URL(file, import.meta.url), 'utf8'), file).not.toMatch(/from 'zod'/);
    }
  });
});
