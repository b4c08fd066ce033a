import type { ApiKeyCreateInput, ApiKeyCreated, Village } from '@beatlink/shared';
import type { ApiClient } from '../support/api';

/**
 * What an integrator's system does against the public API (Open311 GeoReport v2, REST v1): raw
 * HTTP with an API key — form bodies, XML answers, every status and header as sent — plus the
 * county side (a key created through `/integrations/api-keys`) and a strict little XML reader,
 * so the suites check the wire format the way an outside client sees it.
 */

/** A key of the office's county, through the management API (the only time `key` is shown). */
export function createApiKey(manager: ApiClient, body: ApiKeyCreateInput): Promise<ApiKeyCreated> {
  return manager.post<ApiKeyCreated>('/integrations/api-keys', body);
}

export type QueryValue = string | number | undefined;

export interface RawRequest {
  query?: Record<string, QueryValue>;
  /** Sent as `application/x-www-form-urlencoded` (Open311 POSTs). */
  form?: Record<string, QueryValue>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent in `X-Api-Key`. */
  apiKey?: string;
  /** Sent as `Authorization: Bearer …`. */
  bearer?: string;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

/** One request, no retries: what the gateway answered the first time. */
export async function raw(baseUrl: string, method: string, path: string, request: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(path, baseUrl);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = { ...request.headers };
  let body: string | undefined;
  if (request.form) {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(request.form)) if (value !== undefined) form.set(name, String(value));
    body = form.toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded; charset=utf-8';
  } else if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers['content-type'] ??= 'application/json';
  }
  if (request.apiKey) headers['x-api-key'] = request.apiKey;
  if (request.bearer) headers.authorization = `Bearer ${request.bearer}`;
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, contentType: response.headers.get('content-type') ?? '', text, json };
}

// ---- XML: a strict reader (well-formedness is part of what is tested) ----

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (entities decoded), children's excluded. */
  text: string;
}

export interface XmlDocument {
  declaration: Record<string, string>;
  root: XmlElement;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'gy');
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/y;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(chunk: string, at: number): string {
  let out = '';
  for (let i = 0; i < chunk.length; ) {
    const amp = chunk.indexOf('&', i);
    if (amp < 0) {
      out += chunk.slice(i);
      break;
    }
    out += chunk.slice(i, amp);
    ENTITY.lastIndex = amp;
    const m = ENTITY.exec(chunk);
    if (!m) throw new Error(`XML not well-formed at ${at + amp}: bare '&'`);
    out += m[1] ? NAMED[m[1]]! : String.fromCodePoint(m[2] ? Number(m[2]) : parseInt(m[3]!, 16));
    i = amp + m[0].length;
  }
  return out;
}

function readAttributes(source: string, at: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) {
    if (m[1]! in attributes) throw new Error(`XML not well-formed at ${at}: attribute ${m[1]} twice`);
    attributes[m[1]!] = decodeText(m[2] ?? m[3] ?? '', at);
  }
  return attributes;
}

/** Parses a whole document; throws on anything not well-formed, and on a missing XML declaration. */
export function parseXml(source: string): XmlDocument {
  const fail = (at: number, why: string): never => {
    throw new Error(`XML not well-formed at ${at}: ${why} — ${JSON.stringify(source.slice(Math.max(0, at - 40), at + 40))}`);
  };
  const decl = /^<\?xml((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\?>/.exec(source);
  if (!decl) return fail(0, 'no XML declaration first');
  const declaration = readAttributes(decl[1]!, 0);
  let i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) fail(i, 'unclosed comment');
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i);
      if (end < 0 || stack.length === 0) fail(i, 'CDATA outside an element or unclosed');
      stack.at(-1)!.text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i);
      if (end < 0) fail(i, 'unclosed processing instruction');
      i = end + 2;
    } else if (source.startsWith('<!', i)) {
      return fail(i, 'DOCTYPE or other markup declaration');
    } else if (source.startsWith('</', i)) {
      END_TAG.lastIndex = i;
      const m = END_TAG.exec(source);
      if (!m) return fail(i, 'bad end tag');
      const open = stack.pop();
      if (!open || open.name !== m[1]) fail(i, `end tag </${m[1]}> closes <${open?.name ?? 'nothing'}>`);
      i += m[0].length;
    } else if (source[i] === '<') {
      START_TAG.lastIndex = i;
      const m = START_TAG.exec(source);
      if (!m) return fail(i, 'bad start tag');
      const element: XmlElement = { name: m[1]!, attributes: readAttributes(m[2] ?? '', i), children: [], text: '' };
      if (stack.length) stack.at(-1)!.children.push(element);
      else if (root) fail(i, 'a second root element');
      else root = element;
      if (!m[3]) stack.push(element);
      i += m[0].length;
    } else {
      const next = source.indexOf('<', i);
      const end = next < 0 ? source.length : next;
      const chunk = source.slice(i, end);
      if (stack.length) stack.at(-1)!.text += decodeText(chunk, i);
      else if (chunk.trim()) fail(i, 'text outside the root element');
      i = end;
    }
  }
  if (stack.length) fail(source.length, `<${stack.at(-1)!.name}> not closed`);
  if (!root) return fail(source.length, 'no root element');
  return { declaration, root };
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** The text of the child `name`, trimmed; undefined when there is no such child. */
export function childText(element: XmlElement, name: string): string | undefined {
  return child(element, name)?.text.trim();
}

/** Every element of the tree, depth first. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}

/**
 * A village the demo seed made, active, with a location and a division code — what the Open311 and
 * v1 tests locate requests by. Taken from the seeded ids, not from a list, so villages other suites
 * create (without a location) are never picked.
 */
export async function placedVillage(office: ApiClient, seededVillageIds: readonly string[]): Promise<Village> {
  for (const id of seededVillageIds) {
    const village = await office.get<Village>(`/directory/villages/${id}`);
    if (village.status === 'active' && village.location && village.divisionCode) return village;
  }
  throw new Error('no seeded village with a location and a division code');
}
