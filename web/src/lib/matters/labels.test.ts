import { describe, expect, it } from 'vitest';
import { holderText, hoursText, routeText, routingSuggestionText, statusLabel } from './labels';

describe('labels', () => {
  it('phrases the routing suggestion', () => {
    expect(routingSuggestionText('民政救助', { target: 'agency', agencyKind: 'civil_affairs' }, { name: '平度市民政局' })).toBe('研判建议：按分类“民政救助”应交 民政（成员单位）：平度市民政局');
    expect(routingSuggestionText('治安', { target: 'police', unitType: 'office' })).toBe('研判建议：按分类“治安”应交 警务室（公安）（请手工选择具体单位）');
    expect(routeText({ target: 'police', unitType: 'department' })).toBe('局直单位（公安）');
  });

  it('names holders, statuses and spans of hours', () => {
    expect(holderText({ name: '东关警务室', officerName: '李四' })).toBe('东关警务室 · 李四');
    expect(holderText(undefined)).toBe('—');
    expect(statusLabel('reopened')).toBe('重新办理');
    expect(hoursText(0.25)).toBe('15 分钟');
    expect(hoursText(12.34)).toBe('12.3 小时');
    expect(hoursText(72)).toBe('3 天');
    expect(hoursText(0)).toBe('0 小时');
  });
});
