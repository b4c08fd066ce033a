import { describe, expect, it } from 'vitest';
import { FIELD_TABS, activeTab } from './nav';

describe('field tabs', () => {
  it('lead to 录入, 我的事项 and 我的, and light up the right one', () => {
    expect(FIELD_TABS.map((t) => t.href)).toEqual(['/m/intake', '/m/matters', '/m']);
    expect(activeTab('/m/intake')).toBe('/m/intake');
    expect(activeTab('/m/matters')).toBe('/m/matters');
    expect(activeTab('/m/matter')).toBe('/m/matters');
    expect(activeTab('/m')).toBe('/m');
    expect(activeTab('/m/other')).toBe('/m');
  });
});
