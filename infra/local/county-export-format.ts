import { createHash } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { isCountyCode } from '@beatlink/shared';

/**
 * The file of a county export: JSON lines, a header line then one item per line in DynamoDB JSON
 * (`{"S": …}`, `{"N": "…"}` as the exact decimal text, binary as base64), sorted by pk then sk.
 * DynamoDB JSON and not native JSON because it round-trips exactly: numbers keep their precision
 * (38 digits), sets stay sets, binary stays binary. The header carries the item count and the
 * SHA-256 of the item lines, so a truncated or edited file is refused before anything is written.
 */
export const EXPORT_FORMAT = 'beatlink-county-export';
export const EXPORT_VERSION = 1;

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  county: string;
  exportedAt: string;
  /** The table it came from, for the operator's record only. */
  table: string;
  items: number;
  /** SHA-256 (hex) of the item lines, each followed by `\n`, as they are in the file. */
  sha256: string;
}

export type Item = Record<string, AttributeValue>;

/** The platform partitions that hold a county's items next to its own `T#<county>#…` ones. */
export const TENANT_REGISTRY_PK = 'PLATFORM#TENANT';
export const USERNAME_CLAIMS_PK = 'PLATFORM#USERNAME';

export const countyPrefix = (county: string): string => `T#${county}#`;

/**
 * Whether an item is one of the county's: its own partitions, its registry entry, and the
 * usernames its people claimed (platform-wide unique, so they travel with the county). The
 * province's rollups (`P#…`) are the province's, not the county's, and are not exported.
 */
export function isCountyItem(item: Item, county: string): boolean {
  const pk = item.pk?.S ?? '';
  if (pk.startsWith(countyPrefix(county))) return true;
  if (pk === TENANT_REGISTRY_PK) return item.sk?.S === county;
  if (pk === USERNAME_CLAIMS_PK) return item.tenantId?.S === county;
  return false;
}

/** A refused export file: the message names the line (1 = the header). */
export class ExportFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'ExportFileError';
  }
}

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** An attribute value as DynamoDB JSON, map keys sorted so that equal items give equal lines. */
function toJsonValue(value: AttributeValue): JsonValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: true };
  if (value.SS !== undefined) return { SS: [...value.SS].sort() };
  if (value.NS !== undefined) return { NS: [...value.NS].sort() };
  if (value.BS !== undefined) return { BS: value.BS.map(base64).sort() };
  if (value.L !== undefined) return { L: value.L.map(toJsonValue) };
  if (value.M !== undefined) return { M: sortedObject(value.M) };
  throw new Error(`unsupported attribute value ${JSON.stringify(Object.keys(value))}`);
}

function sortedObject(map: Record<string, AttributeValue>): Record<string, JsonValue> {
  return Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((key) => [key, toJsonValue(map[key]!)]),
  );
}

/** One item line: pk and sk first (readable), then the other attributes sorted. */
export function itemLine(item: Item): string {
  const { pk, sk, ...rest } = item;
  if (pk?.S === undefined || sk?.S === undefined) throw new Error('an item without a string pk and sk');
  return JSON.stringify({ pk: toJsonValue(pk), sk: toJsonValue(sk), ...sortedObject(rest) });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function fromBase64(text: unknown, path: string): Uint8Array {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !BASE64.test(text)) throw new Error(`${path}: not base64`);
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function fromNumber(text: unknown, path: string): string {
  if (typeof text !== 'string' || !NUMBER.test(text)) throw new Error(`${path}: not a number string`);
  return text;
}

/** Checks and decodes one DynamoDB JSON value; `path` names it in the error. */
function fromJsonValue(json: unknown, path: string): AttributeValue {
  if (!isObject(json) || Object.keys(json).length !== 1) throw new Error(`${path}: not a DynamoDB JSON value (one type key)`);
  const [type, v] = Object.entries(json)[0]!;
  switch (type) {
    case 'S':
      if (typeof v !== 'string') break;
      return { S: v };
    case 'N':
      return { N: fromNumber(v, path) };
    case 'B':
      return { B: fromBase64(v, path) };
    case 'BOOL':
      if (typeof v !== 'boolean') break;
      return { BOOL: v };
    case 'NULL':
      if (v !== true) break;
      return { NULL: true };
    case 'SS':
      if (!isStringArray(v) || v.length === 0) break;
      return { SS: v };
    case 'NS':
      if (!Array.isArray(v) || v.length === 0) break;
      return { NS: v.map((n, i) => fromNumber(n, `${path}[${i}]`)) };
    case 'BS':
      if (!Array.isArray(v) || v.length === 0) break;
      return { BS: v.map((b, i) => fromBase64(b, `${path}[${i}]`)) };
    case 'L':
      if (!Array.isArray(v)) break;
      return { L: v.map((e, i) => fromJsonValue(e, `${path}[${i}]`)) };
    case 'M':
      if (!isObject(v)) break;
      return { M: fromJsonMap(v, path) };
    default:
      throw new Error(`${path}: unknown DynamoDB type ${type}`);
  }
  throw new Error(`${path}: not a valid ${type} value`);
}

function fromJsonMap(json: Record<string, unknown>, path: string): Item {
  return Object.fromEntries(Object.entries(json).map(([key, value]) => [key, fromJsonValue(value, path ? `${path}.${key}` : key)]));
}

function parseHeader(text: string | undefined): ExportHeader {
  let header: unknown;
  try {
    header = JSON.parse(text ?? '');
  } catch {
    throw new ExportFileError(1, 'not a county export (the first line is not a JSON header)');
  }
  if (!isObject(header) || header.format !== EXPORT_FORMAT) throw new ExportFileError(1, `not a county export (the header has no "format": "${EXPORT_FORMAT}")`);
  if (header.version !== EXPORT_VERSION) throw new ExportFileError(1, `format version ${String(header.version)} is not supported (this tool reads version ${EXPORT_VERSION})`);
  const { county, exportedAt, table, items, sha256 } = header;
  if (typeof county !== 'string' || !isCountyCode(county)) throw new ExportFileError(1, 'the header has no county code');
  if (typeof exportedAt !== 'string' || typeof table !== 'string') throw new ExportFileError(1, 'the header lacks exportedAt or table');
  if (typeof items !== 'number' || !Number.isInteger(items) || items < 0) throw new ExportFileError(1, 'the header has no item count');
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) throw new ExportFileError(1, 'the header has no sha256');
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, county, exportedAt, table, items, sha256 };
}

const compareKeys = (a: Item, b: Item): number => {
  const [apk, ask, bpk, bsk] = [a.pk!.S!, a.sk!.S!, b.pk!.S!, b.sk!.S!];
  return apk < bpk ? -1 : apk > bpk ? 1 : ask < bsk ? -1 : ask > bsk ? 1 : 0;
};

/** The file for `items` (any order): header, then the item lines sorted by pk/sk. */
export function formatExport(items: Item[], meta: { county: string; table: string; exportedAt: string }): { text: string; header: ExportHeader } {
  const lines = [...items].sort(compareKeys).map(itemLine);
  const body = lines.map((line) => `${line}\n`).join('');
  const header: ExportHeader = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    county: meta.county,
    exportedAt: meta.exportedAt,
    table: meta.table,
    items: lines.length,
    sha256: createHash('sha256').update(body).digest('hex'),
  };
  return { text: `${JSON.stringify(header)}\n${body}`, header };
}

/**
 * Reads and checks a whole export before anything is written: the header, every line complete
 * and a valid DynamoDB JSON item of the header's county, in strictly increasing pk/sk order (no
 * duplicate), the count, then the checksum. Throws ExportFileError naming the first bad line.
 */
export function parseExport(text: string): { header: ExportHeader; items: Item[] } {
  if (text.length === 0) throw new ExportFileError(1, 'the file is empty');
  const lines = text.split('\n');
  const complete = lines.pop() === '';
  const header = parseHeader(lines[0]);
  if (!complete) {
    throw new ExportFileError(lines.length + 1, `the line is incomplete (no newline at the end of the file): the file is truncated; the header announces ${header.items} items`);
  }
  const items: Item[] = [];
  const hash = createHash('sha256');
  for (let index = 1; index < lines.length; index++) {
    const lineNo = index + 1;
    const line = lines[index]!;
    if (items.length === header.items) throw new ExportFileError(lineNo, `an extra line: the header announces ${header.items} items`);
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new ExportFileError(lineNo, `not valid JSON (${(error as Error).message})`);
    }
    if (!isObject(json)) throw new ExportFileError(lineNo, 'not a DynamoDB JSON item');
    let item: Item;
    try {
      item = fromJsonMap(json, '');
    } catch (error) {
      throw new ExportFileError(lineNo, `not a DynamoDB JSON item: ${(error as Error).message}`);
    }
    if (item.pk?.S === undefined || item.sk?.S === undefined) throw new ExportFileError(lineNo, 'the item has no string pk and sk');
    if (!isCountyItem(item, header.county)) throw new ExportFileError(lineNo, `pk ${item.pk.S} / sk ${item.sk.S} is not an item of county ${header.county}`);
    const previous = items.at(-1);
    if (previous && compareKeys(previous, item) >= 0) throw new ExportFileError(lineNo, `pk ${item.pk.S} / sk ${item.sk.S} is out of order or repeated (lines are sorted by pk, then sk)`);
    items.push(item);
    hash.update(`${line}\n`);
  }
  if (items.length < header.items) {
    throw new ExportFileError(lines.length, `the file ends after ${items.length} of the ${header.items} items the header announces: it is truncated`);
  }
  const digest = hash.digest('hex');
  if (digest !== header.sha256) {
    throw new ExportFileError(1, `the item lines (2–${lines.length}) do not match the header's sha256 (${header.sha256.slice(0, 12)}…, the lines give ${digest.slice(0, 12)}…): the file was changed after the export`);
  }
  return { header, items };
}
