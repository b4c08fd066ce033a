import { describe, expect, it } from 'vitest';
import type { PublicMatterView } from '@beatlink/shared';
import { webhookDeliveryIdOf, webhookEventTypeOf, webhookEventsOf, type TimelineEventFields } from './webhook-events';

const matter: PublicMatterView = {
  id: 'mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  status: 'assigned',
  open311Status: 'open',
  statusLabel: '已派发',
  kind: 'demand',
  categoryId: 'sanitation',
  categoryName: '环境卫生',
  severity: 'normal',
  villageId: 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  villageName: '东村',
  agencyResponsible: '县环卫所',
  createdAt: '2026-11-20T01:30:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
};
const event = (fields: Partial<TimelineEventFields>): TimelineEventFields => ({ id: 'mev_01JD3Z6Q9V8C2M4N5P6R7S8T9V', type: 'created', at: '2026-11-20T02:00:00.000Z', ...fields });

describe('webhookEventsOf', () => {
  it('maps created to matter.created with the public view', () => {
    const [raised, ...rest] = webhookEventsOf(event({ type: 'created', to: 'triage' }), matter, '370283');
    expect(rest).toEqual([]);
    expect(raised).toEqual({
      type: 'matter.created',
      payload: { id: 'evt_mev_01JD3Z6Q9V8C2M4N5P6R7S8T9V', type: 'matter.created', county: '370283', occurredAt: '2026-11-20T02:00:00.000Z', data: { matter } },
    });
  });

  it('maps a change of status to matter.status_changed with both statuses', () => {
    const [raised] = webhookEventsOf(event({ type: 'assign', from: 'triage', to: 'assigned' }), matter, '370283');
    expect(raised?.type).toBe('matter.status_changed');
    expect(raised?.payload.data.change).toEqual({ from: 'triage', to: 'assigned' });
  });

  it('maps overdue to matter.overdue naming the deadline that passed', () => {
    const deadlines = { acceptBy: '2026-11-20T06:00:00.000Z', feedbackBy: '2026-11-22T06:00:00.000Z' };
    const [raised] = webhookEventsOf(event({ type: 'overdue', data: { deadline: deadlines.acceptBy, overdueHours: 1 } }), matter, '370283', deadlines);
    expect(raised?.type).toBe('matter.overdue');
    expect(raised?.payload.data.deadline).toEqual({ name: 'acceptBy', at: deadlines.acceptBy });
    const [byStatus] = webhookEventsOf(event({ type: 'overdue', data: { deadline: '2026-11-23T00:00:00.000Z' } }), { ...matter, status: 'accepted' }, '370283');
    expect(byStatus?.payload.data.deadline).toEqual({ name: 'feedbackBy', at: '2026-11-23T00:00:00.000Z' });
  });

  it('raises nothing for events that do not change the status', () => {
    for (const fields of [
      { type: 'reminded' as const, data: { deadline: '2026-11-20T06:00:00.000Z' } },
      { type: 'attachment_added' as const },
      { type: 'urge' as const, from: 'assigned' as const, to: 'assigned' as const },
      { type: 'dispute_updated' as const },
    ]) {
      expect(webhookEventsOf(event(fields), matter, '370283'), fields.type).toEqual([]);
      expect(webhookEventTypeOf(event(fields))).toBeUndefined();
    }
  });
});

describe('webhookDeliveryIdOf', () => {
  it('is a delivery id, the same for the same event and endpoint, another for another endpoint', () => {
    const at = Date.parse('2026-11-20T02:00:00.000Z');
    const id = webhookDeliveryIdOf('evt_mev_01JD3Z6Q9V8C2M4N5P6R7S8T9V', 'whk_01JD3Z6Q9V8C2M4N5P6R7S8T9V', at);
    expect(id).toMatch(/^whd_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(webhookDeliveryIdOf('evt_mev_01JD3Z6Q9V8C2M4N5P6R7S8T9V', 'whk_01JD3Z6Q9V8C2M4N5P6R7S8T9V', at)).toBe(id);
    const other = webhookDeliveryIdOf('evt_mev_01JD3Z6Q9V8C2M4N5P6R7S8T9V', 'whk_01JD3Z6Q9V8C2M4N5P6R7S8T9W', at);
    expect(other).not.toBe(id);
    // Same time part: deliveries of one event sort together.
    expect(other.slice(0, 14)).toBe(id.slice(0, 14));
  });
});
