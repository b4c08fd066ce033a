import type { ErrorDetail } from '@beatlink/shared';
import { chinesePart } from '../api-error';

/**
 * The API's 400 `details[]` on a field form's own field names (collect, households): `fieldOf`
 * says which field a dotted path (`person.idNumber`, `links.0.relation`) belongs to; details it
 * does not place become general messages. The first message of a field wins.
 */
export function detailsToFields<F extends string>(
  details: readonly ErrorDetail[],
  fieldOf: (path: string) => F | undefined,
): { fields: Partial<Record<F, string>>; general: string[] } {
  const fields: Partial<Record<F, string>> = {};
  const general: string[] = [];
  for (const detail of details) {
    const field = fieldOf(detail.path);
    const message = chinesePart(detail.message) || '格式不正确';
    if (!field) general.push(detail.path ? `${detail.path}：${message}` : message);
    else if (!fields[field]) fields[field] = message;
  }
  return { fields, general };
}

/** Characters as the API counts them (trimmed, code points). */
export const textLength = (value: string) => Array.from(value.trim()).length;

/** A "最多 N 个字" error when the trimmed text is longer than `max`. */
export function tooLong(value: string, max: number): string | undefined {
  return textLength(value) > max ? `最多 ${max} 个字` : undefined;
}

/** The first field with an error, in the order the form shows them. */
export function firstField<F extends string>(errors: Partial<Record<F, string>>, order: readonly string[]): F | undefined {
  const keys = Object.keys(errors) as F[];
  const rank = (key: string) => {
    const i = order.findIndex((prefix) => key === prefix || key.startsWith(`${prefix}-`));
    return i < 0 ? order.length : i;
  };
  return keys.sort((a, b) => rank(a) - rank(b))[0];
}

/** A new Idempotency-Key for a form's draft: a retried submit of the same draft is taken in once. */
export function newFormKey(prefix: string, random: () => string = () => crypto.randomUUID()): string {
  return `${prefix}-${random()}`;
}
