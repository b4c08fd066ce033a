import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { MATTER_KINDS, type Agency, type ApiKeyCreated, type MatterDetail, type Page, type TenantConfigRecord, type Village } from '@beatlink/shared';
import { apiAs, type ApiClient } from '../support/api';
import { matterWorld, type MatterWorld } from '../lib/matter-fixtures';
import { child, childText, childrenNamed, createApiKey, parseXml, placedVillage, raw, type QueryValue, type RawRequest, type RawResponse, type XmlElement } from '../lib/integrator';
import '../support/provided';

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) and mySociety's servicerequestupdates
 * extension (github.com/mysociety/fixmystreet/wiki/Open311-FMS---Complete-Spec), checked from the
 * spec text against `/open311/v2` of the real stack. Each test quotes the sentence it checks.
 *
 * Deliberate departures of Beatlink (issue #7), also checked: every read needs an API key (police
 * data), and no read ever returns personal data (no reporter, phone, description, lat/long).
 */
const gatewayUrl = inject('gatewayUrl');
const config = inject('stackConfig');
const logins = inject('logins');
const seeded = inject('seededIds');
const A = '370283';
const B = '370211';
const BASE = '/open311/v2';
const RUN = randomUUID().slice(0, 8);
const unique = () => randomUUID().slice(0, 8);
/** Plenty, so the suite never trips its own key's limit (the rate limit is tested in public-api). */
const NO_LIMIT = { limit: 100_000, per: 'minute' } as const;

let world: MatterWorld;
let office: ApiClient;
let village: Village & { location: { lat: number; lng: number } };
let activeCategories: Array<{ id: string; name: string }>;
let key: ApiKeyCreated;
let readOnlyKey: ApiKeyCreated;
let agencyKey: ApiKeyCreated;
let otherAgencyKey: ApiKeyCreated;
let keyB: ApiKeyCreated;

const call = (method: string, path: string, request?: RawRequest) => raw(gatewayUrl, method, `${BASE}/${path}`, request);
/** `apiKey` null: no key at all (undefined would take the default). */
const get = (path: string, query: Record<string, QueryValue> = {}, apiKey: string | null = key.key) =>
  call('GET', path, { query: { ...(apiKey ? { api_key: apiKey } : {}), ...query } });

/** A resident's report as a 12345 platform would post it: every personal field filled, so reads can be checked for leaks. */
function reportForm(overrides: Record<string, QueryValue> = {}): Record<string, QueryValue> {
  const marker = unique();
  return {
    api_key: key.key,
    service_code: 'sanitation',
    lat: village.location.lat,
    long: village.location.lng,
    first_name: '秀英',
    last_name: `王${marker}`,
    phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    email: `r${marker}@example.cn`,
    description: `村东头垃圾池满溢无人清运 ${RUN}-${marker}`,
    'attribute[kind]': 'demand',
    ...overrides,
  };
}

interface Submitted {
  id: string;
  token?: string;
  form: Record<string, QueryValue>;
  response: RawResponse;
}

async function submit(overrides: Record<string, QueryValue> = {}, format: 'json' | 'xml' = 'json', headers?: Record<string, string>): Promise<Submitted> {
  const form = reportForm(overrides);
  const response = await call('POST', `requests.${format}`, { form, headers });
  expect(response.status, response.text).toBeGreaterThanOrEqual(200);
  expect(response.status, response.text).toBeLessThan(300);
  if (format === 'xml') {
    const request = child(xmlOf(response).root, 'request')!;
    return { id: childText(request, 'service_request_id')!, token: childText(request, 'token'), form, response };
  }
  const [first] = response.json as Array<{ service_request_id: string; token?: string }>;
  return { id: first!.service_request_id, token: first!.token, form, response };
}

/** Every XML answer: the declaration with UTF-8, a text/xml-ish content type with charset utf-8, well-formed. */
function xmlOf(response: RawResponse) {
  expect(response.contentType).toMatch(/xml/i);
  expect(response.contentType).toMatch(/charset=utf-8/i);
  expect(response.text.startsWith('<?xml')).toBe(true);
  const doc = parseXml(response.text);
  expect(doc.declaration.version).toBe('1.0');
  expect(doc.declaration.encoding?.toUpperCase()).toBe('UTF-8');
  return doc;
}

function jsonOf<T = unknown>(response: RawResponse): T {
  expect(response.contentType).toMatch(/application\/json/i);
  expect(response.json, response.text).toBeDefined();
  return response.json as T;
}

/** The spec's error answer: an array of {code, description} (JSON) or <errors><error> (XML), code = the HTTP status. */
function expectOpen311Error(response: RawResponse, statuses: number[], mentions?: RegExp): Array<{ code: number; description: string }> {
  expect(statuses, `${response.status} ${response.text}`).toContain(response.status);
  let errors: Array<{ code: number; description: string }>;
  if (/xml/i.test(response.contentType)) {
    const doc = xmlOf(response);
    expect(doc.root.name).toBe('errors');
    errors = childrenNamed(doc.root, 'error').map((e) => ({ code: Number(childText(e, 'code')), description: childText(e, 'description') ?? '' }));
  } else {
    const body = jsonOf<Array<{ code: number | string; description: string }>>(response);
    expect(Array.isArray(body), response.text).toBe(true);
    errors = body.map((e) => ({ code: Number(e.code), description: e.description }));
  }
  expect(errors.length).toBeGreaterThanOrEqual(1);
  for (const error of errors) {
    expect(error.code).toBe(response.status);
    expect(typeof error.description).toBe('string');
    expect(error.description.length).toBeGreaterThan(0);
  }
  if (mentions) expect(errors.map((e) => e.description).join(' | ')).toMatch(mentions);
  return errors;
}

interface JsonRequest {
  service_request_id: string;
  status: string;
  service_code: string;
  service_name?: string;
  agency_responsible?: string;
  requested_datetime?: string;
  updated_datetime?: string;
  expected_datetime?: string;
  [field: string]: unknown;
}

/** Every page of GET requests.json for `query` (the page/page_size extension), until an empty or short page. */
async function allRequests(query: Record<string, QueryValue>, pageSize = 50): Promise<JsonRequest[]> {
  const found: JsonRequest[] = [];
  for (let page = 1; page <= 40; page++) {
    const response = await get('requests.json', { ...query, page, page_size: pageSize });
    expect(response.status, response.text).toBe(200);
    const items = jsonOf<JsonRequest[]>(response);
    found.push(...items);
    if (items.length < pageSize) break;
  }
  return found;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const minutesAhead = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

async function officeView(id: string): Promise<MatterDetail> {
  return office.get<MatterDetail>(`/matters/${id}`);
}

async function assignToAgency(id: string, agencyId: string): Promise<MatterDetail> {
  let m = await officeView(id);
  m = await office.post<MatterDetail>(`/matters/${id}/triage`, { version: m.version, severity: 'medium', policeBusiness: false });
  return office.post<MatterDetail>(`/matters/${id}/assign`, { version: m.version, assignee: { type: 'agency', id: agencyId } });
}

async function closeResolved(id: string): Promise<MatterDetail> {
  let m = await officeView(id);
  m = await office.post<MatterDetail>(`/matters/${id}/triage`, { version: m.version, severity: 'low', policeBusiness: false });
  return office.post<MatterDetail>(`/matters/${id}/close`, { version: m.version, outcome: 'resolved', note: '已清运，回访满意' });
}

beforeAll(async () => {
  world = await matterWorld(config, logins, A);
  office = world.office;
  world = { ...world, village: await placedVillage(office, seeded.ids[A]!.villages!) };
  village = world.village as typeof village;
  const county = await office.get<TenantConfigRecord>('/config');
  activeCategories = county.matters.categories.filter((c) => c.active);
  expect(activeCategories.map((c) => c.id)).toEqual(expect.arrayContaining(['sanitation', 'infrastructure']));

  const agencies = await office.get<Page<Agency>>('/directory/agencies', { limit: 100 });
  const other = agencies.items.find((a) => a.id !== world.agencyId && a.status === 'active');
  if (!other) throw new Error('no second agency in the demo county');

  key = await createApiKey(office, { name: `12345 热线 open311 ${RUN}`, scopes: ['matters:write', 'matters:read'], rateLimit: NO_LIMIT });
  readOnlyKey = await createApiKey(office, { name: `只读 open311 ${RUN}`, scopes: ['matters:read'], rateLimit: NO_LIMIT });
  agencyKey = await createApiKey(office, { name: `成员单位系统 ${RUN}`, scopes: ['updates:write', 'matters:read'], agencyId: world.agencyId, rateLimit: NO_LIMIT });
  otherAgencyKey = await createApiKey(office, { name: `其他成员单位 ${RUN}`, scopes: ['updates:write', 'matters:read'], agencyId: other.id, rateLimit: NO_LIMIT });
  const officeB = await apiAs(config, logins.byTenant[B]!.program_office!);
  keyB = await createApiKey(officeB, { name: `12345 热线 ${B} ${RUN}`, scopes: ['matters:write', 'matters:read'], rateLimit: NO_LIMIT });
}, 180_000);

describe('service discovery', () => {
  // Service Discovery: "endpoints — specification: the spec this endpoint implements
  // (http://wiki.open311.org/GeoReport_v2), url, changeset, type (production|test), formats:
  // the MIME types the endpoint answers in (text/xml, application/json)." Discovery is public.
  it('lists the GeoReport v2 endpoint with its specification, url and formats (JSON), without a key', async () => {
    const response = await get('discovery.json', {}, null);
    expect(response.status, response.text).toBe(200);
    const body = jsonOf<{ changeset?: string; contact?: string; endpoints: Array<{ specification: string; url: string; type?: string; formats: string[] }> }>(response);
    expect(Array.isArray(body.endpoints)).toBe(true);
    const endpoint = body.endpoints.find((e) => /GeoReport_v2/i.test(e.specification));
    expect(endpoint, response.text).toBeDefined();
    expect(endpoint!.url).toMatch(/\/open311\/v2\/?$/);
    expect(endpoint!.formats).toEqual(expect.arrayContaining(['text/xml', 'application/json']));
    expect(typeof body.contact).toBe('string');
  });

  it('answers the same in XML: <discovery><endpoints><endpoint> with <specification>, <url>, <formats><format>', async () => {
    const response = await get('discovery.xml', {}, null);
    expect(response.status, response.text).toBe(200);
    const { root } = xmlOf(response);
    expect(root.name).toBe('discovery');
    const endpoints = childrenNamed(child(root, 'endpoints')!, 'endpoint');
    const endpoint = endpoints.find((e) => /GeoReport_v2/i.test(childText(e, 'specification') ?? ''));
    expect(endpoint, response.text).toBeDefined();
    expect(childText(endpoint!, 'url')).toMatch(/\/open311\/v2\/?$/);
    expect(childrenNamed(child(endpoint!, 'formats')!, 'format').map((f) => f.text.trim())).toEqual(expect.arrayContaining(['text/xml', 'application/json']));
  });
});

describe('GET Service List', () => {
  // "Provide a list of acceptable 311 service request types and their associated service codes.
  // These request types can be unique to the city/jurisdiction." Response: service_code,
  // service_name, description, metadata (true|false), type (realtime|batch|blackbox), keywords, group.
  it('has one service per active category of the county, with every field of the spec (JSON)', async () => {
    const response = await get('services.json');
    expect(response.status, response.text).toBe(200);
    const services = jsonOf<Array<Record<string, unknown>>>(response);
    expect(services.map((s) => s.service_code).sort()).toEqual(activeCategories.map((c) => c.id).sort());
    for (const service of services) {
      const category = activeCategories.find((c) => c.id === service.service_code)!;
      expect(service.service_name).toBe(category.name);
      expect(typeof service.description).toBe('string');
      expect(typeof service.metadata).toBe('boolean');
      expect(['realtime', 'batch', 'blackbox']).toContain(service.type);
      expect(typeof service.keywords).toBe('string');
      expect(typeof service.group).toBe('string');
    }
  });

  it('answers the same in XML: <services><service> with every field', async () => {
    const response = await get('services.xml');
    expect(response.status, response.text).toBe(200);
    const { root } = xmlOf(response);
    expect(root.name).toBe('services');
    const services = childrenNamed(root, 'service');
    expect(services.map((s) => childText(s, 'service_code')).sort()).toEqual(activeCategories.map((c) => c.id).sort());
    for (const service of services) {
      for (const field of ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']) {
        expect(child(service, field), `<${field}> of ${childText(service, 'service_code')}`).toBeDefined();
      }
      expect(['true', 'false']).toContain(childText(service, 'metadata'));
    }
  });

  // Beatlink departs from the spec's "Requires API Key: No": police data needs a key for every read.
  it('needs an API key (a deliberate departure for police data)', async () => {
    expectOpen311Error(await get('services.json', {}, null), [401, 403]);
    expectOpen311Error(await get('services.xml', {}, null), [401, 403]);
  });
});

describe('GET Service Definition', () => {
  // "Define attributes associated with a service code. These attributes can be unique to the
  // city/jurisdiction." Attribute fields: variable, code, datatype (string|number|datetime|text|
  // singlevaluelist|multivaluelist), required, datatype_description, order, description, values
  // (key, name) "Only used for singlevaluelist or multivaluelist datatypes".
  it('describes the attributes of a service (JSON), matching the list’s metadata flag', async () => {
    const response = await get('services/sanitation.json');
    expect(response.status, response.text).toBe(200);
    const definition = jsonOf<{ service_code: string; attributes: Array<Record<string, unknown>> }>(response);
    expect(definition.service_code).toBe('sanitation');
    expect(definition.attributes.length).toBeGreaterThan(0);
    for (const attribute of definition.attributes) {
      expect(typeof attribute.variable).toBe('boolean');
      expect(typeof attribute.code).toBe('string');
      expect(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']).toContain(attribute.datatype);
      expect(typeof attribute.required).toBe('boolean');
      expect(attribute).toHaveProperty('datatype_description');
      expect(typeof attribute.order).toBe('number');
      expect(typeof attribute.description).toBe('string');
      if (attribute.datatype === 'singlevaluelist' || attribute.datatype === 'multivaluelist') {
        const values = attribute.values as Array<{ key: unknown; name: unknown }>;
        expect(values.length).toBeGreaterThan(0);
        for (const value of values) {
          expect(value.key).toBeDefined();
          expect(typeof value.name).toBe('string');
        }
      }
    }
    const orders = definition.attributes.map((a) => a.order as number);
    expect(new Set(orders).size).toBe(orders.length);
    // The kind of matter is offered as attribute[kind].
    const kind = definition.attributes.find((a) => a.code === 'kind')!;
    expect(kind).toMatchObject({ datatype: 'singlevaluelist' });
    expect((kind.values as Array<{ key: string }>).map((v) => String(v.key))).toEqual(expect.arrayContaining([...MATTER_KINDS]));

    // "metadata — true: This service request type requires additional metadata so the client will
    // need to make a call to the Service Definition method."
    const list = jsonOf<Array<{ service_code: string; metadata: boolean }>>(await get('services.json'));
    expect(list.find((s) => s.service_code === 'sanitation')!.metadata).toBe(true);
  });

  it('answers the same in XML: <service_definition><attributes><attribute>…<values><value><key/><name/>', async () => {
    const response = await get('services/sanitation.xml');
    expect(response.status, response.text).toBe(200);
    const { root } = xmlOf(response);
    expect(root.name).toBe('service_definition');
    expect(childText(root, 'service_code')).toBe('sanitation');
    const attributes = childrenNamed(child(root, 'attributes')!, 'attribute');
    expect(attributes.length).toBeGreaterThan(0);
    for (const attribute of attributes) {
      for (const field of ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description']) {
        expect(child(attribute, field), `<${field}> of attribute ${childText(attribute, 'code')}`).toBeDefined();
      }
    }
    const kind = attributes.find((a) => childText(a, 'code') === 'kind')!;
    const keys = childrenNamed(child(kind, 'values')!, 'value').map((v) => childText(v, 'key'));
    expect(keys).toEqual(expect.arrayContaining([...MATTER_KINDS]));
  });

  // Errors: "404 — service_code … not found".
  it('answers 404 with the error array for an unknown service_code, in both formats', async () => {
    expectOpen311Error(await get('services/no_such_service.json'), [404]);
    expectOpen311Error(await get('services/no_such_service.xml'), [404]);
  });
});

describe('POST Service Request', () => {
  // "Create service requests. … api_key (required), service_code (required), lat & long or
  // address_string or address_id (location required), attribute: An array of key/value responses
  // based on Service Definitions." Response: service_request_id, token (if no id yet),
  // service_notice, account_id. The request becomes a matter in triage (issue #7).
  it('takes a form-urlencoded request (api_key in the form, lat/long, attribute[kind]) and answers [{service_request_id, service_notice, token}]', async () => {
    const submitted = await submit({ 'attribute[kind]': 'hazard' });
    const body = jsonOf<Array<Record<string, unknown>>>(submitted.response);
    expect(body).toHaveLength(1);
    expect(body[0]!.service_request_id).toMatch(/^mat_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(body[0]).toHaveProperty('service_notice');
    expect(body[0]!.token).toBe(`tok_${submitted.id.slice(4)}`);

    const matter = await officeView(submitted.id);
    expect(matter).toMatchObject({ status: 'triage', source: 'hotline', categoryId: 'sanitation', villageId: village.id, kind: 'hazard' });
    expect(matter.description).toContain(String(submitted.form.description));
    expect(matter.reporter?.name).toContain(String(submitted.form.last_name));
  });

  it('answers in XML: <service_requests><request><service_request_id>…', async () => {
    const submitted = await submit({}, 'xml');
    const { root } = xmlOf(submitted.response);
    expect(root.name).toBe('service_requests');
    const request = child(root, 'request')!;
    expect(childText(request, 'service_request_id')).toMatch(/^mat_/);
    expect(child(request, 'service_notice')).toBeDefined();
    expect(childText(request, 'token')).toBe(`tok_${submitted.id.slice(4)}`);
    expect((await officeView(submitted.id)).status).toBe('triage');
  });

  // "address_string: Human entered address or description of location. This is required if no
  // lat/long or address_id are provided."
  it('places a request by address_string alone (the village named in it)', async () => {
    const villages = await office.get<Page<Village>>('/directory/villages', { limit: 200 });
    const names = villages.items.map((v) => v.name);
    const target = villages.items.find((v) => v.status === 'active' && names.filter((n) => n === v.name).length === 1 && names.every((n) => n === v.name || !n.includes(v.name) && !v.name.includes(n)));
    if (!target) throw new Error('no village with a distinctive name');
    const submitted = await submit({ lat: undefined, long: undefined, address_string: `${target.name}村口东侧垃圾池` });
    expect((await officeView(submitted.id)).villageId).toBe(target.id);
  });

  it('accepts jurisdiction_id of the key’s own county', async () => {
    const submitted = await submit({ jurisdiction_id: A });
    expect((await officeView(submitted.id)).status).toBe('triage');
  });

  // Errors of POST Service Request: "403 — api_key was not provided or is invalid", "400 —
  // service_code was not provided", "404 — service_code or jurisdiction_id provided were not
  // found", "400 — location (lat/long, address_string or address_id) not provided".
  it('refuses a missing api_key (401/403) with the error array, JSON and XML', async () => {
    expectOpen311Error(await call('POST', 'requests.json', { form: reportForm({ api_key: undefined }) }), [401, 403]);
    expectOpen311Error(await call('POST', 'requests.xml', { form: reportForm({ api_key: undefined }) }), [401, 403]);
  });

  it('refuses an invalid api_key: malformed, unknown and forged secret', async () => {
    expectOpen311Error(await call('POST', 'requests.json', { form: reportForm({ api_key: 'not-a-key' }) }), [401, 403]);
    const [, county, id] = key.key.split('_');
    const forged = `blk_${county}_${id}_${'A'.repeat(43)}`;
    expectOpen311Error(await call('POST', 'requests.json', { form: reportForm({ api_key: forged }) }), [401, 403]);
    const unknown = `blk_${A}_01JD3Z6Q9V8C2M4N5P6R7S8T9V_${'b'.repeat(43)}`;
    expectOpen311Error(await call('POST', 'requests.xml', { form: reportForm({ api_key: unknown }) }), [401, 403]);
  });

  it('refuses a key without matters:write (403)', async () => {
    expectOpen311Error(await call('POST', 'requests.json', { form: reportForm({ api_key: readOnlyKey.key }) }), [403]);
  });

  it('answers 400 naming service_code when it is missing, in both formats', async () => {
    expectOpen311Error(await call('POST', 'requests.json', { form: reportForm({ service_code: undefined }) }), [400], /service_code/);
    expectOpen311Error(await call('POST', 'requests.xml', { form: reportForm({ service_code: undefined }) }), [400], /service_code/);
  });

  it('answers 404 (or 400) for an unknown service_code', async () => {
    expectOpen311Error(await call('POST', 'requests.json', { form: reportForm({ service_code: 'no_such_service' }) }), [400, 404], /service_code/);
  });

  it('answers 400 without any location, and for lat without long', async () => {
    expectOpen311Error(await call('POST', 'requests.json', { form: reportForm({ lat: undefined, long: undefined }) }), [400]);
    expectOpen311Error(await call('POST', 'requests.xml', { form: reportForm({ lat: undefined, long: undefined }) }), [400]);
    expectOpen311Error(await call('POST', 'requests.json', { form: reportForm({ long: undefined }) }), [400], /long/);
  });

  // "jurisdiction_id … 404 — jurisdiction_id provided was not found": the county comes from the key.
  it('answers 404 for the jurisdiction_id of another county, and writes nothing there', async () => {
    const marker = `跨县写入 ${RUN}-${unique()}`;
    expectOpen311Error(await call('POST', 'requests.json', { form: reportForm({ jurisdiction_id: B, description: marker }) }), [404]);
    expectOpen311Error(await call('POST', 'requests.xml', { form: reportForm({ jurisdiction_id: B, description: marker }) }), [404]);
    expectOpen311Error(await get('requests.json', { jurisdiction_id: B }), [404]);
  });
});

describe('GET Service Requests', () => {
  let open1: Submitted;
  let open2: Submitted;
  let other: Submitted;
  let closed: Submitted;
  let since: string;

  beforeAll(async () => {
    since = minutesAgo(2);
    open1 = await submit();
    open2 = await submit();
    other = await submit({ service_code: 'infrastructure' });
    closed = await submit();
    await closeResolved(closed.id);
  }, 60_000);

  // "service_request_id: To call multiple Service Requests at once, multiple service_request_id
  // can be declared; comma delimited. This overrides all other arguments."
  it('returns exactly the requests of a service_request_id list, overriding other arguments', async () => {
    const response = await get('requests.json', { service_request_id: `${open1.id},${other.id}`, service_code: 'traffic', status: 'closed' });
    expect(response.status, response.text).toBe(200);
    const items = jsonOf<JsonRequest[]>(response);
    expect(items.map((r) => r.service_request_id).sort()).toEqual([open1.id, other.id].sort());
    for (const item of items) {
      expect(item.requested_datetime).toMatch(ISO_WITH_ZONE);
      expect(item.updated_datetime).toMatch(ISO_WITH_ZONE);
      expect(typeof item.agency_responsible).toBe('string');
      expect(typeof item.service_name).toBe('string');
    }
    expect(items.find((r) => r.service_request_id === other.id)!.service_code).toBe('infrastructure');
  });

  // "service_code: Specify the service type by calling the unique ID of the service_code."
  it('filters by service_code', async () => {
    const items = await allRequests({ service_code: 'infrastructure', start_date: since, end_date: minutesAhead(5) });
    expect(items.map((r) => r.service_request_id)).toContain(other.id);
    expect(items.map((r) => r.service_request_id)).not.toContain(open1.id);
    expect(new Set(items.map((r) => r.service_code))).toEqual(new Set(['infrastructure']));
  });

  // "status: Allows one to search for requests which have a specific status. This defaults to all
  // statuses; can be declared multiple times, comma delimited." Options: open, closed.
  it('filters by status, and defaults to all statuses', async () => {
    const window = { start_date: since, end_date: minutesAhead(5), service_code: 'sanitation' };
    const closedOnes = await allRequests({ ...window, status: 'closed' });
    expect(closedOnes.map((r) => r.service_request_id)).toContain(closed.id);
    expect(closedOnes.map((r) => r.service_request_id)).not.toContain(open1.id);
    expect(new Set(closedOnes.map((r) => r.status))).toEqual(new Set(['closed']));
    const openOnes = await allRequests({ ...window, status: 'open' });
    expect(openOnes.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([open1.id, open2.id]));
    expect(openOnes.map((r) => r.service_request_id)).not.toContain(closed.id);
    const both = await allRequests({ ...window, status: 'open,closed' });
    expect(both.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([open1.id, closed.id]));
    const all = await allRequests(window);
    expect(all.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([open1.id, open2.id, closed.id]));
  });

  // "start_date: Earliest datetime to include in search. When provided with end_date, allows one
  // to search for requests which have a requested_datetime that matches a given range, but may not
  // span more than 90 days." (end_date: the same, "Latest datetime to include in search".)
  it('takes a start_date/end_date window', async () => {
    const inside = await allRequests({ start_date: since, end_date: minutesAhead(5) });
    expect(inside.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([open1.id, other.id]));
    for (const item of inside) expect(Date.parse(item.requested_datetime!)).toBeGreaterThanOrEqual(Date.parse(since));
    const before = await allRequests({ start_date: minutesAgo(30 * 24 * 60), end_date: minutesAgo(10) });
    expect(before.map((r) => r.service_request_id)).not.toContain(open1.id);
  });

  it('answers 400 naming end_date for a window over 90 days, in both formats', async () => {
    const start = '2026-01-01T00:00:00Z';
    const end = new Date(Date.parse(start) + 91 * 86_400_000).toISOString();
    expectOpen311Error(await get('requests.json', { start_date: start, end_date: end }), [400], /end_date/);
    expectOpen311Error(await get('requests.xml', { start_date: start, end_date: end }), [400], /end_date/);
    // Exactly 90 days is allowed.
    const ninety = await get('requests.json', { start_date: start, end_date: new Date(Date.parse(start) + 90 * 86_400_000).toISOString() });
    expect(ninety.status, ninety.text).toBe(200);
  });

  // "…a default query should return the requests of the last 90 days" (no dates: the recent window).
  it('returns recent requests by default (no dates)', async () => {
    const items = await allRequests({ service_code: 'infrastructure' });
    expect(items.map((r) => r.service_request_id)).toContain(other.id);
    for (const item of items) expect(Date.parse(item.requested_datetime!)).toBeGreaterThan(Date.now() - 91 * 86_400_000);
  });

  // Paging extension (page, page_size): pages do not overlap, and walking them finds everything.
  it('pages with page/page_size', async () => {
    const window = { start_date: since, end_date: minutesAhead(5) };
    const page = async (n: number, size: number) => {
      const response = await get('requests.json', { ...window, page: n, page_size: size });
      expect(response.status, response.text).toBe(200);
      return jsonOf<JsonRequest[]>(response).map((r) => r.service_request_id);
    };
    const [first, second] = [await page(1, 2), await page(2, 2)];
    expect(first).toHaveLength(2);
    expect(second.length).toBeGreaterThanOrEqual(1);
    expect(second.length).toBeLessThanOrEqual(2);
    expect(first.filter((id) => second.includes(id))).toEqual([]);
    const walked = (await allRequests(window, 2)).map((r) => r.service_request_id);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(expect.arrayContaining([open1.id, open2.id, other.id, closed.id]));
    expectOpen311Error(await get('requests.json', { ...window, page: 0 }), [400]);
    expectOpen311Error(await get('requests.json', { ...window, page_size: 'many' }), [400]);
  });

  it('answers in XML: <service_requests><request>… with the same requests', async () => {
    const response = await get('requests.xml', { service_request_id: `${open1.id},${closed.id}` });
    expect(response.status, response.text).toBe(200);
    const { root } = xmlOf(response);
    expect(root.name).toBe('service_requests');
    const requests = childrenNamed(root, 'request');
    expect(requests.map((r) => childText(r, 'service_request_id')).sort()).toEqual([open1.id, closed.id].sort());
    const byId = new Map(requests.map((r) => [childText(r, 'service_request_id'), r] as const));
    expect(childText(byId.get(open1.id)!, 'status')).toBe('open');
    expect(childText(byId.get(closed.id)!, 'status')).toBe('closed');
    expect(childText(byId.get(open1.id)!, 'service_code')).toBe('sanitation');
  });

  it('needs a key with matters:read', async () => {
    expectOpen311Error(await get('requests.json', {}, null), [401, 403]);
    const writeOnly = await createApiKey(office, { name: `只写 ${RUN}`, scopes: ['matters:write'], rateLimit: NO_LIMIT });
    expectOpen311Error(await get('requests.json', {}, writeOnly.key), [403]);
  });
});

describe('GET Service Request (one)', () => {
  // "Query the current status of an individual request." Response fields: service_request_id,
  // status, status_notes, service_name, service_code, description, agency_responsible,
  // service_notice, requested_datetime, updated_datetime, expected_datetime, address, …
  it('returns one request with status, agency_responsible and expected_datetime (JSON)', async () => {
    const submitted = await submit();
    const response = await get(`requests/${submitted.id}.json`);
    expect(response.status, response.text).toBe(200);
    const [request, ...rest] = jsonOf<JsonRequest[]>(response);
    expect(rest).toEqual([]);
    expect(request).toMatchObject({ service_request_id: submitted.id, status: 'open', service_code: 'sanitation' });
    expect(request!.agency_responsible).toEqual(expect.any(String));
    expect(request!.agency_responsible!.length).toBeGreaterThan(0);
    expect(request!.expected_datetime).toMatch(ISO_WITH_ZONE);
    expect(request!.requested_datetime).toMatch(ISO_WITH_ZONE);
  });

  it('returns it in XML', async () => {
    const submitted = await submit();
    const response = await get(`requests/${submitted.id}.xml`);
    expect(response.status, response.text).toBe(200);
    const { root } = xmlOf(response);
    expect(root.name).toBe('service_requests');
    const requests = childrenNamed(root, 'request');
    expect(requests).toHaveLength(1);
    expect(childText(requests[0]!, 'service_request_id')).toBe(submitted.id);
    expect(childText(requests[0]!, 'status')).toBe('open');
  });

  it('answers 404 for an unknown id and for another county’s request', async () => {
    expectOpen311Error(await get('requests/mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V.json'), [404]);
    expectOpen311Error(await get('requests/mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V.xml'), [404]);
    const inB = await call('POST', 'requests.json', { form: { ...reportForm({ api_key: keyB.key, lat: undefined, long: undefined, address_string: undefined }), ...(await locationInB()) } });
    expect(inB.status, inB.text).toBeLessThan(300);
    const idB = (inB.json as Array<{ service_request_id: string }>)[0]!.service_request_id;
    expectOpen311Error(await get(`requests/${idB}.json`), [404]);
    const visibleToB = await get(`requests/${idB}.json`, {}, keyB.key);
    expect(visibleToB.status, visibleToB.text).toBe(200);
  });
});

/** A point inside county B: one of its villages' locations. */
async function locationInB(): Promise<Record<string, QueryValue>> {
  const officeB = await apiAs(config, logins.byTenant[B]!.program_office!);
  const villages = await officeB.get<Page<Village>>('/directory/villages', { limit: 20 });
  const v = villages.items.find((x) => x.status === 'active' && x.location)!;
  return { lat: v.location!.lat, long: v.location!.lng };
}

describe('GET request_id from a token', () => {
  // "Get the service_request_id from a temporary token. This is unnecessary if the response from
  // creating a service request does not contain a token." Response: service_request_id, token.
  it('resolves the token of a POST answer, in both formats', async () => {
    const submitted = await submit();
    expect(submitted.token).toBeDefined();
    const json = await get(`tokens/${submitted.token}.json`);
    expect(json.status, json.text).toBe(200);
    expect(jsonOf(json)).toEqual([expect.objectContaining({ service_request_id: submitted.id, token: submitted.token })]);
    const xml = await get(`tokens/${submitted.token}.xml`);
    expect(xml.status, xml.text).toBe(200);
    const { root } = xmlOf(xml);
    expect(root.name).toBe('service_requests');
    const request = child(root, 'request')!;
    expect(childText(request, 'service_request_id')).toBe(submitted.id);
    expect(childText(request, 'token')).toBe(submitted.token);
  });

  it('answers 404 for an unknown token and for another county’s token', async () => {
    expectOpen311Error(await get('tokens/tok_01JD3Z6Q9V8C2M4N5P6R7S8T9V.json'), [404]);
    const submitted = await submit();
    expectOpen311Error(await get(`tokens/${submitted.token}.json`, {}, keyB.key), [404]);
  });
});

describe('status mapping', () => {
  // "status: The current status of the service request. open — it has been reported. closed — it
  // has been resolved." Every matter status not terminal reads open.
  it('reads open while the matter is in triage, assigned or accepted, and closed once the office closes it', async () => {
    const inTriage = await submit();
    const assigned = await submit();
    await assignToAgency(assigned.id, world.agencyId);
    const accepted = await submit();
    let m = await assignToAgency(accepted.id, world.agencyId);
    m = await world.actors.agency_staff!.client.post<MatterDetail>(`/matters/${accepted.id}/accept`, { version: m.version });
    expect(m.status).toBe('accepted');
    const closed = await submit();
    expect((await closeResolved(closed.id)).status).toBe('closed_resolved');
    const response = await get('requests.json', { service_request_id: [inTriage, assigned, accepted, closed].map((s) => s.id).join(',') });
    const status = new Map(jsonOf<JsonRequest[]>(response).map((r) => [r.service_request_id, r.status]));
    expect(status.get(inTriage.id)).toBe('open');
    expect(status.get(assigned.id)).toBe('open');
    expect(status.get(accepted.id)).toBe('open');
    expect(status.get(closed.id)).toBe('closed');
    // …and a merged request is closed too.
    const merged = await submit();
    let mm = await officeView(merged.id);
    mm = await office.post<MatterDetail>(`/matters/${merged.id}/triage`, { version: mm.version, severity: 'low', policeBusiness: false });
    await office.post(`/matters/${merged.id}/merge`, { version: mm.version, intoMatterId: inTriage.id });
    const one = jsonOf<JsonRequest[]>(await get(`requests/${merged.id}.json`));
    expect(one[0]!.status).toBe('closed');
  });
});

describe('no personal data in any read', () => {
  it('never returns the reporter’s name, phone, email, the description or the coordinates, in JSON or XML', async () => {
    const submitted = await submit();
    const secrets = [String(submitted.form.last_name), String(submitted.form.phone), String(submitted.form.email), String(submitted.form.description)];
    const reads: RawResponse[] = [
      submitted.response,
      await get(`requests/${submitted.id}.json`),
      await get(`requests/${submitted.id}.xml`),
      await get('requests.json', { service_request_id: submitted.id }),
      await get('requests.xml', { service_request_id: submitted.id }),
      await get('requests.json', { start_date: minutesAgo(3), end_date: minutesAhead(3), page_size: 200 }),
      await get('requests.xml', { start_date: minutesAgo(3), end_date: minutesAhead(3), page_size: 200 }),
      await get(`tokens/${submitted.token}.json`),
      await get(`tokens/${submitted.token}.xml`),
      await get('servicerequestupdates.json', { start_date: minutesAgo(3), end_date: minutesAhead(3) }),
    ];
    for (const read of reads) {
      expect(read.status, read.text).toBeLessThan(300);
      for (const secret of secrets) expect(read.text).not.toContain(secret);
      expect(read.text).not.toContain(String(village.location.lat));
      expect(read.text).not.toContain(String(village.location.lng));
    }
    const [one] = jsonOf<JsonRequest[]>(reads[1]!);
    for (const field of ['lat', 'long', 'first_name', 'last_name', 'phone', 'email']) expect(one).not.toHaveProperty(field);
    const xmlRequest = child(parseXml(reads[2]!.text).root, 'request')!;
    for (const field of ['lat', 'long', 'first_name', 'last_name', 'phone', 'email']) expect(child(xmlRequest, field)).toBeUndefined();
  });
});

describe('servicerequestupdates (mySociety extension)', () => {
  const update = (id: string, apiKey: string, extra: Record<string, QueryValue> = {}) => ({
    api_key: apiKey,
    service_request_id: id,
    update_id: `HJ-${RUN}-${unique()}`,
    status: 'FIXED',
    updated_datetime: new Date().toISOString(),
    description: '已安排清运车辆，垃圾池已清空。',
    ...extra,
  });

  // POST Service Request Update: "update_id, service_request_id, status (OPEN, CLOSED, FIXED, …),
  // updated_datetime, description" → "service_request_updates > request_update > update_id".
  // An agency's system posts its feedback; it becomes the matter's feedback transition.
  it('moves an assigned matter to feedback (FIXED → resolved), accepting it first, as the agency of the key', async () => {
    const submitted = await submit();
    await assignToAgency(submitted.id, world.agencyId);
    const form = update(submitted.id, agencyKey.key);
    const response = await call('POST', 'servicerequestupdates.json', { form });
    expect(response.status, response.text).toBeGreaterThanOrEqual(200);
    expect(response.status, response.text).toBeLessThan(300);
    const body = jsonOf<Array<{ update_id: string }>>(response);
    expect(body).toHaveLength(1);
    expect(body[0]!.update_id).toEqual(expect.any(String));

    const matter = await officeView(submitted.id);
    expect(matter.status).toBe('feedback_given');
    expect(matter.acceptedAt).toBeDefined();
    expect(matter.feedback?.outcome).toBe('resolved');
    expect(matter.holder).toMatchObject({ type: 'agency', id: world.agencyId });

    // GET servicerequestupdates: "Fetch a list of recent updates to Requests" (start_date, end_date)
    // → update_id, service_request_id, status, updated_datetime, description, media_url.
    const listed = await get('servicerequestupdates.json', { start_date: minutesAgo(5), end_date: minutesAhead(5) });
    expect(listed.status, listed.text).toBe(200);
    const updates = jsonOf<Array<Record<string, unknown>>>(listed).filter((u) => u.service_request_id === submitted.id);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    for (const u of updates) {
      expect(u.update_id).toEqual(expect.any(String));
      expect(u.status).toEqual(expect.any(String));
      expect(u.updated_datetime).toMatch(ISO_WITH_ZONE);
    }
    const xml = await get('servicerequestupdates.xml', { start_date: minutesAgo(5), end_date: minutesAhead(5) });
    expect(xml.status, xml.text).toBe(200);
    const { root } = xmlOf(xml);
    // The extension's response table: "service_request_updates ⇊ / request_update ↴" (mySociety's
    // own open311-adapter answers GET servicerequestupdates.xml with <service_request_updates>).
    expect(root.name).toBe('service_request_updates');
    expect(childrenNamed(root, 'request_update').some((u) => childText(u, 'service_request_id') === submitted.id)).toBe(true);
  });

  it('answers in XML: <service_request_updates><request_update><update_id>', async () => {
    const submitted = await submit();
    await assignToAgency(submitted.id, world.agencyId);
    const response = await call('POST', 'servicerequestupdates.xml', { form: update(submitted.id, agencyKey.key) });
    expect(response.status, response.text).toBeLessThan(300);
    const { root } = xmlOf(response);
    expect(root.name).toBe('service_request_updates');
    expect(childText(child(root, 'request_update')!, 'update_id')).toBeTruthy();
    expect((await officeView(submitted.id)).status).toBe('feedback_given');
  });

  it('refuses the key of another agency, a key without updates:write, and leaves the matter as it was', async () => {
    const submitted = await submit();
    const assigned = await assignToAgency(submitted.id, world.agencyId);
    expectOpen311Error(await call('POST', 'servicerequestupdates.json', { form: update(submitted.id, otherAgencyKey.key) }), [403, 404]);
    expectOpen311Error(await call('POST', 'servicerequestupdates.json', { form: update(submitted.id, key.key) }), [403]);
    expectOpen311Error(await call('POST', 'servicerequestupdates.json', { form: update(submitted.id, agencyKey.key, { service_request_id: undefined }) }), [400], /service_request_id/);
    const after = await officeView(submitted.id);
    expect(after.status).toBe('assigned');
    expect(after.version).toBe(assigned.version);
  });
});

// Helper sanity: the form builder never sends undefined fields (a typo would pass silently).
describe('the suite’s own helpers', () => {
  it('parse XML strictly', () => {
    expect(() => parseXml('<a/>')).toThrow(/declaration/);
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?><a><b></a>')).toThrow();
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?><a>x & y</a>')).toThrow(/&/);
    const doc = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a><b>1 &amp; 2</b><c/></a>');
    expect(childText(doc.root, 'b')).toBe('1 & 2');
    expect(child(doc.root, 'c')).toBeDefined();
    expect((doc.root as XmlElement).children).toHaveLength(2);
  });
});
