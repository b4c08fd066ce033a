import { describe, expect, it } from 'vitest';
import { open311CreateRequestSchema, open311ListRequestsQuerySchema, open311ListUpdatesQuerySchema, open311PostUpdateSchema, open311Window } from './open311';

const paths = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) => result.error?.issues.map((i) => i.path.join('.')) ?? [];
const ID = 'mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
const DAY = 86_400_000;

describe('open311ListRequestsQuerySchema', () => {
  it('splits comma lists, normalises W3C datetimes to UTC and defaults the paging', () => {
    const parsed = open311ListRequestsQuerySchema.parse({ service_code: 'sanitation, traffic', status: 'open', start_date: '2026-11-01T08:00:00+08:00', end_date: '2026-11-30' });
    expect(parsed).toMatchObject({ service_code: ['sanitation', 'traffic'], status: ['open'], start_date: '2026-11-01T00:00:00.000Z', end_date: '2026-11-30T00:00:00.000Z', page: 1, page_size: 1000 });
  });

  it('allows 90 days and refuses more, naming end_date; refuses end before start', () => {
    expect(open311ListRequestsQuerySchema.safeParse({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00Z' }).success).toBe(true);
    const tooLong = open311ListRequestsQuerySchema.safeParse({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:01Z' });
    expect(paths(tooLong)).toEqual(['end_date']);
    expect(paths(open311ListRequestsQuerySchema.safeParse({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }))).toEqual(['end_date']);
    expect(paths(open311ListUpdatesQuerySchema.safeParse({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }))).toEqual(['end_date']);
  });

  it('names the bad parameter: ids, status, dates, page size', () => {
    expect(paths(open311ListRequestsQuerySchema.safeParse({ service_request_id: `${ID},nope` }))).toEqual(['service_request_id']);
    expect(paths(open311ListRequestsQuerySchema.safeParse({ service_request_id: Array.from({ length: 101 }, () => ID).join(',') }))).toEqual(['service_request_id']);
    expect(paths(open311ListRequestsQuerySchema.safeParse({ status: 'pending' }))).toEqual(['status']);
    expect(paths(open311ListRequestsQuerySchema.safeParse({ start_date: 'yesterday' }))).toEqual(['start_date']);
    expect(paths(open311ListRequestsQuerySchema.safeParse({ page_size: '1001' }))).toEqual(['page_size']);
    expect(paths(open311ListRequestsQuerySchema.safeParse({ page: '0' }))).toEqual(['page']);
    expect(paths(open311ListRequestsQuerySchema.safeParse({ foo: '1' }))).toEqual(['']);
  });
});

describe('open311Window', () => {
  const now = Date.parse('2026-11-20T00:00:00Z');
  it('defaults to the 90 days ending now or at end_date', () => {
    expect(open311Window({}, now)).toEqual({ from: now - 90 * DAY, to: now });
    expect(open311Window({ end_date: '2026-10-01T00:00:00.000Z' }, now)).toEqual({ from: Date.parse('2026-10-01T00:00:00Z') - 90 * DAY, to: Date.parse('2026-10-01T00:00:00Z') });
  });
  it('refuses a start more than 90 days before now, naming end_date', () => {
    expect(open311Window({ start_date: '2026-01-01T00:00:00.000Z' }, now)).toMatchObject({ path: 'end_date' });
    expect(open311Window({ start_date: '2026-12-01T00:00:00.000Z' }, now)).toMatchObject({ path: 'end_date' });
  });
});

describe('open311CreateRequestSchema', () => {
  const base = { service_code: 'sanitation', description: '垃圾池满了' };
  it('takes lat/long as form strings, and needs both', () => {
    expect(open311CreateRequestSchema.parse({ ...base, lat: '36.07', long: '120.38' })).toMatchObject({ lat: 36.07, long: 120.38 });
    expect(paths(open311CreateRequestSchema.safeParse({ ...base, lat: '36.07' }))).toEqual(['long']);
    expect(paths(open311CreateRequestSchema.safeParse({ ...base, long: '120.38' }))).toEqual(['lat']);
    expect(paths(open311CreateRequestSchema.safeParse({ ...base, lat: 'north', long: '1' }))).toEqual(['lat']);
  });
  it('needs a location and a service_code, and checks attributes by name', () => {
    expect(paths(open311CreateRequestSchema.safeParse(base))).toEqual(['lat']);
    expect(paths(open311CreateRequestSchema.safeParse({ description: 'x', address_string: '东村' }))).toEqual(['service_code']);
    expect(open311CreateRequestSchema.safeParse({ ...base, address_string: '东村' }).success).toBe(true);
    expect(open311CreateRequestSchema.safeParse({ ...base, address_id: '370283101001' }).success).toBe(true);
    expect(paths(open311CreateRequestSchema.safeParse({ ...base, address_string: '东村', attribute: { kind: 'crime' } }))).toEqual(['attribute.kind']);
    expect(paths(open311CreateRequestSchema.safeParse({ ...base, address_string: '东村', attribute: { colour: 'red' } }))).toEqual(['attribute']);
    expect(paths(open311CreateRequestSchema.safeParse({ ...base, address_string: '东村', description: 'x'.repeat(4001) }))).toEqual(['description']);
    expect(paths(open311CreateRequestSchema.safeParse({ ...base, address_string: '东村', media_url: 'not a url' }))).toEqual(['media_url']);
  });
});

describe('open311PostUpdateSchema', () => {
  it('needs a reason for NOT_COUNCILS_RESPONSIBILITY and a known status', () => {
    const base = { service_request_id: ID, updated_datetime: '2026-11-21T10:00:00+08:00' };
    expect(open311PostUpdateSchema.safeParse({ ...base, status: 'FIXED' }).success).toBe(true);
    expect(paths(open311PostUpdateSchema.safeParse({ ...base, status: 'NOT_COUNCILS_RESPONSIBILITY' }))).toEqual(['description']);
    expect(paths(open311PostUpdateSchema.safeParse({ ...base, status: 'DONE' }))).toEqual(['status']);
  });
});
