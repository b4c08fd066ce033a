import { invalidField } from './app-error';
import { MAX_BODY_BYTES } from './middleware/json-body';

/**
 * An `application/x-www-form-urlencoded` body as an object. `attribute[code]=v` and
 * `attribute[code][]=v` (Open311's attributes) become `attribute: {code: v | v[]}`; `name[]=v`
 * becomes a list; any other repeated field keeps its last value.
 */
/** Names that would reach an object's prototype: never used as fields. */
const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const isUnsafeKey = (key: string): boolean => key.split(/[[\]]+/).some((part) => UNSAFE_NAMES.has(part));

export function parseFormBody(body: string | undefined, isBase64Encoded = false): Record<string, unknown> | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  const raw = isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) {
    throw invalidField('', `请求体过大（上限 ${MAX_BODY_BYTES / 1024} KB） / body larger than ${MAX_BODY_BYTES / 1024} KB`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
    if (isUnsafeKey(key)) continue;
    const nested = /^([A-Za-z0-9_]+)\[([^\][]+)\](\[\])?$/.exec(key);
    if (nested) {
      const [, parent, child, many] = nested as unknown as [string, string, string, string | undefined];
      const group = (typeof out[parent] === 'object' && out[parent] !== null && !Array.isArray(out[parent]) ? out[parent] : (out[parent] = {})) as Record<string, unknown>;
      group[child] = many ? [...(Array.isArray(group[child]) ? (group[child] as unknown[]) : []), value] : value;
      continue;
    }
    const list = /^([A-Za-z0-9_]+)\[\]$/.exec(key);
    if (list) {
      const name = list[1]!;
      out[name] = [...(Array.isArray(out[name]) ? (out[name] as unknown[]) : []), value];
      continue;
    }
    out[key] = value;
  }
  return out;
}

export function isFormContentType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}
