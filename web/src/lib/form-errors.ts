import type { ErrorDetail } from '@beatlink/shared';
import { chinesePart } from './api-error';

/** What the portal needs of a zod issue (zod's own type, structurally). */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
}

export type FieldPath = Array<string | number>;

export interface FieldErrors {
  /** Errors that belong to a field of the form, keyed by antd name path. */
  fields: Array<{ name: FieldPath; errors: string[] }>;
  /** Errors about the whole body or a field the form does not show. */
  general: string[];
}

export const REQUIRED_MESSAGE = '必填';

const CJK = /[\u4e00-\u9fff]/;

/**
 * A Chinese message for a schema issue. The shared schemas' own messages are bilingual
 * ("中文 / English"; the Chinese half is kept); zod's built-in issues are worded here by code, so
 * the form reads the same whatever locale zod has in this bundle.
 */
export function issueMessage(issue: SchemaIssue): string {
  if (issue.message.includes(' / ') && CJK.test(issue.message)) return chinesePart(issue.message);
  const n = (value: unknown) => (typeof value === 'number' || typeof value === 'bigint' ? String(value) : '');
  const isText = issue.origin === 'string';
  switch (issue.code) {
    case 'too_small':
      if (isText) return n(issue.minimum) === '1' ? REQUIRED_MESSAGE : `至少 ${n(issue.minimum)} 个字符`;
      return `不能小于 ${n(issue.minimum)}`;
    case 'too_big':
      return isText ? `最多 ${n(issue.maximum)} 个字符` : `不能大于 ${n(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'email' ? '须为有效的电子邮箱地址' : '格式不正确';
    case 'invalid_type':
      return '类型不正确';
    case 'invalid_value':
      return '请选择有效的选项';
    case 'unrecognized_keys':
      return '包含不允许的字段';
    case 'not_multiple_of':
      return '须为整数';
    default:
      return CJK.test(issue.message) ? issue.message : '格式不正确';
  }
}

function valueAt(values: unknown, path: FieldPath): unknown {
  let current: unknown = values;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** `assignment.officeId` / `items.0.name` → ['assignment','officeId'] / ['items',0,'name']. */
export function dottedToPath(path: string): FieldPath {
  if (!path) return [];
  return path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function group(entries: Array<{ path: FieldPath; message: string }>, isField: (path: FieldPath) => boolean): FieldErrors {
  const byName = new Map<string, { name: FieldPath; errors: string[] }>();
  const general: string[] = [];
  for (const { path, message } of entries) {
    if (path.length === 0 || !isField(path)) {
      general.push(path.length ? `${path.join('.')}：${message}` : message);
      continue;
    }
    const key = JSON.stringify(path);
    const entry = byName.get(key) ?? { name: path, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byName.set(key, entry);
  }
  return { fields: [...byName.values()], general };
}

/** Maps schema issues to form fields. A missing value reads "必填" instead of zod's type message. */
export function issuesToFieldErrors(issues: readonly SchemaIssue[], values: unknown, isField: (path: FieldPath) => boolean): FieldErrors {
  return group(
    issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
      // The body leaves out what the user did not fill in, so an issue on an absent value is "required".
      const missing = path.length > 0 && valueAt(values, path) === undefined;
      return { path, message: missing ? REQUIRED_MESSAGE : issueMessage(issue) };
    }),
    isField,
  );
}

/** Maps the API's `details[]` (dotted paths) to form fields. */
export function detailsToFieldErrors(details: readonly ErrorDetail[], isField: (path: FieldPath) => boolean): FieldErrors {
  return group(
    details.map((detail) => ({ path: dottedToPath(detail.path), message: chinesePart(detail.message) })),
    isField,
  );
}

/**
 * A 400's details split between a dialog's fields (the first message of each) and the rest (a
 * field the dialog does not show, the whole body), each turned into the text the dialog shows.
 */
export function splitDetails<F extends string>(
  details: readonly ErrorDetail[],
  fieldOf: (path: string) => F | undefined,
  text: (message: string) => string = chinesePart,
): { fields: Partial<Record<F, string>>; rest: string[] } {
  const fields: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  for (const detail of details) {
    const field = fieldOf(detail.path);
    if (field) fields[field] ??= text(detail.message);
    else rest.push(text(detail.message));
  }
  return { fields, rest };
}

