import { describe, expect, it } from 'vitest';
import { DEFAULT_MATTER_CONFIG } from '../matters/config';
import { MATTER_STATUSES } from '../matters/kinds';
import {
  OPEN311_NO_DESCRIPTION,
  matterIdOfToken,
  open311RequestOf,
  open311ServiceDefinitionOf,
  open311ServicesOf,
  open311StatusNotes,
  open311TokenOf,
  open311UpdateOf,
  open311UpdateStatusOf,
  publicCreateOfOpen311,
  publicUpdateOfOpen311,
} from './open311-mapping';
import { open311StatusOf, type PublicMatterView } from './public-matters';

const view: PublicMatterView = {
  id: 'mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  status: 'closed_unresolved',
  open311Status: 'closed',
  statusLabel: '已办结（未解决）',
  kind: 'demand',
  categoryId: 'sanitation',
  categoryName: '环境卫生',
  severity: 'medium',
  villageId: 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  villageName: '东村',
  agencyResponsible: '某镇政府',
  outcome: 'not_responsible',
  createdAt: '2026-11-20T01:00:00.000Z',
  updatedAt: '2026-11-21T01:00:00.000Z',
};

describe('statuses', () => {
  it('maps every matter status to open or closed', () => {
    const closed = MATTER_STATUSES.filter((s) => open311StatusOf(s) === 'closed');
    expect(closed).toEqual(['closed_resolved', 'closed_unresolved', 'merged']);
  });

  it('says the outcome or the merge in the status notes', () => {
    expect(open311StatusNotes(view)).toBe('已办结（未解决）：非本单位职责');
    expect(open311StatusNotes({ status: 'merged', mergedInto: 'mat_X' })).toContain('mat_X');
    expect(open311StatusNotes({ status: 'assigned' })).toBe('已交办');
  });

  it('maps matter statuses to mySociety update statuses', () => {
    expect(open311UpdateStatusOf('triage')).toBe('OPEN');
    expect(open311UpdateStatusOf('assigned')).toBe('ACTION_SCHEDULED');
    expect(open311UpdateStatusOf('accepted')).toBe('IN_PROGRESS');
    expect(open311UpdateStatusOf('closed_resolved')).toBe('FIXED');
    expect(open311UpdateStatusOf('closed_unresolved', 'not_responsible')).toBe('NOT_COUNCILS_RESPONSIBILITY');
    expect(open311UpdateStatusOf('closed_unresolved', 'unresolved')).toBe('NO_FURTHER_ACTION');
    expect(open311UpdateStatusOf('merged')).toBe('CLOSED');
  });

  it('maps posted update statuses to accept, feedback or return', () => {
    expect(publicUpdateOfOpen311({ status: 'IN_PROGRESS' })).toEqual({ action: 'accept' });
    expect(publicUpdateOfOpen311({ status: 'ACTION_SCHEDULED', update_id: 'u1' })).toEqual({ action: 'accept', externalId: 'u1' });
    expect(publicUpdateOfOpen311({ status: 'OPEN' })).toEqual({ action: 'accept' });
    expect(publicUpdateOfOpen311({ status: 'FIXED', description: '已清运' })).toEqual({ action: 'feedback', outcome: 'resolved', note: '已清运' });
    expect(publicUpdateOfOpen311({ status: 'CLOSED' })).toEqual({ action: 'feedback', outcome: 'resolved' });
    expect(publicUpdateOfOpen311({ status: 'NO_FURTHER_ACTION' })).toEqual({ action: 'feedback', outcome: 'unresolved' });
    expect(publicUpdateOfOpen311({ status: 'NOT_COUNCILS_RESPONSIBILITY', description: '非本单位' })).toEqual({ action: 'return', note: '非本单位' });
  });
});

describe('requests', () => {
  it('lists no description, coordinates or media; address is the village', () => {
    const request = open311RequestOf(view, '370283101001');
    expect(request).toMatchObject({ service_request_id: view.id, status: 'closed', service_code: 'sanitation', address: '东村', address_id: '370283101001', agency_responsible: '某镇政府' });
    expect(Object.keys(request)).not.toEqual(expect.arrayContaining(['description']));
    for (const key of ['description', 'lat', 'long', 'media_url']) expect(request).not.toHaveProperty(key);
  });

  it('turns a form into the v1 input', () => {
    const input = publicCreateOfOpen311({ service_code: 'sanitation', lat: 36, long: 120, address_id: '370283101001', first_name: '某', last_name: '王', phone: '13805321111', media_url: 'https://x.example/a.jpg', attribute: { kind: 'dispute', occurred_at: '2026-11-20T00:00:00.000Z' } });
    expect(input).toMatchObject({ categoryId: 'sanitation', kind: 'dispute', divisionCode: '370283101001', location: { lat: 36, lng: 120 }, reporter: { name: '王某', phone: '13805321111' }, occurredAt: '2026-11-20T00:00:00.000Z' });
    expect(input.description).toContain(OPEN311_NO_DESCRIPTION);
    expect(input.description).toContain('https://x.example/a.jpg');
    expect(publicCreateOfOpen311({ service_code: 'x', address_id: 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V', first_name: 'John', last_name: 'Smith', phone: '13805321111' })).toMatchObject({ villageId: 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V', kind: 'demand', reporter: { name: 'John Smith' } });
  });

  it('derives tokens from ids and back', () => {
    expect(open311TokenOf(view.id)).toBe('tok_01JD3Z6Q9V8C2M4N5P6R7S8T9V');
    expect(matterIdOfToken('tok_01JD3Z6Q9V8C2M4N5P6R7S8T9V')).toBe(view.id);
    expect(matterIdOfToken('tok_short')).toBeUndefined();
  });

  it('makes updates of status-changing timeline entries only', () => {
    const at = '2026-11-20T02:00:00.000Z';
    expect(open311UpdateOf(view.id, { id: 'mev_1', type: 'assign', typeLabel: '交办', at, from: 'triage', to: 'assigned', actor: '活动办', detail: '某镇政府' })).toEqual({
      update_id: 'mev_1',
      service_request_id: view.id,
      status: 'ACTION_SCHEDULED',
      updated_datetime: at,
      description: '交办：某镇政府（已交办）',
    });
    expect(open311UpdateOf(view.id, { id: 'mev_2', type: 'urge', typeLabel: '催办', at, from: 'assigned', to: 'assigned', actor: '活动办' })).toBeUndefined();
  });
});

describe('services', () => {
  it('offers active categories, grouped by route, with the four attributes', () => {
    const config = { ...DEFAULT_MATTER_CONFIG, categories: DEFAULT_MATTER_CONFIG.categories.map((c) => (c.id === 'other' ? { ...c, active: false } : c)) };
    const services = open311ServicesOf(config);
    expect(services.map((s) => s.service_code)).not.toContain('other');
    expect(services.find((s) => s.service_code === 'public_order')).toMatchObject({ service_name: '治安', group: '公安', type: 'realtime', metadata: true });
    expect(services.find((s) => s.service_code === 'sanitation')).toMatchObject({ group: '综治联动' });
    const definition = open311ServiceDefinitionOf({ id: 'sanitation' });
    expect(definition.attributes.map((a) => [a.code, a.datatype, a.required])).toEqual([
      ['kind', 'singlevaluelist', false],
      ['severity', 'singlevaluelist', false],
      ['village_code', 'string', false],
      ['occurred_at', 'datetime', false],
    ]);
    expect(definition.attributes[0]!.values).toContainEqual({ key: 'dispute', name: '矛盾纠纷' });
  });
});
