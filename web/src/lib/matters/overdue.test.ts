import { describe, expect, it } from 'vitest';
import { sampleMatter } from './matters.fixture';
import { groupOverdue, urgeReason } from './overdue';

const NOW = '2026-05-13T00:00:00.000Z';
const agency = { type: 'agency' as const, id: 'agy_1', name: '平度市民政局' };
const office = { type: 'office' as const, id: 'ofc_1', name: '东关警务室' };

describe('groupOverdue', () => {
  it('groups by holder, most overdue first, with hours, level and urges', () => {
    const groups = groupOverdue(
      [
        sampleMatter({ id: 'a', status: 'assigned', holder: agency, acceptBy: '2026-05-12T22:00:00.000Z' }),
        sampleMatter({ id: 'b', status: 'accepted', holder: office, feedbackBy: '2026-05-12T12:00:00.000Z', supervision: { escalationLevel: 2, urgeCount: 3 } }),
        sampleMatter({ id: 'c', status: 'accepted', holder: agency, feedbackBy: '2026-05-11T00:00:00.000Z' }),
        // Signed since the list was read: no running deadline is past.
        sampleMatter({ id: 'd', status: 'accepted', holder: office, acceptBy: '2026-05-10T00:00:00.000Z', feedbackBy: '2026-05-20T00:00:00.000Z' }),
      ],
      NOW,
    );
    expect(groups.map((g) => [g.holderName, g.items.map((i) => i.matter.id), g.maxHours])).toEqual([
      ['平度市民政局', ['c', 'a'], 48],
      ['东关警务室', ['b'], 12],
    ]);
    expect(groups[1]!.items[0]).toMatchObject({ hours: 12, escalationLevel: 2, urgeCount: 3, deadlineName: '反馈' });
    expect(groups[0]!.items[1]).toMatchObject({ hours: 2, deadlineName: '签收' });
  });

  it('prefills the urge reason from the deadline that ran out', () => {
    expect(urgeReason({ hours: 2, deadlineName: '签收' })).toBe('已超过签收时限 2 小时，请尽快签收办理。');
    expect(urgeReason({ hours: 50, deadlineName: '反馈' })).toBe('已超过反馈时限 2 天 2 小时，请尽快办理并反馈。');
  });
});
