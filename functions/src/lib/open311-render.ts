import { ERROR_STATUS, type Open311Error } from '@beatlink/shared';
import type { AppError } from './app-error';
import { JSON_HEADERS, type HttpResponse } from './http-types';
import type { Open311Format } from './public-state';
import { OPEN311_XML_ITEMS } from './public-operations';
import { renderXml } from './xml';

export const XML_HEADERS = { 'content-type': 'text/xml; charset=utf-8' } as const;

/** An Open311 answer in the format asked for: JSON as it is, XML with the operation's element names. */
export function open311Response(statusCode: number, body: unknown, format: Open311Format, xml: { root: string; item?: string }, headers: Record<string, string> = {}): HttpResponse {
  if (format === 'json') return { statusCode, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
  const items = xml.item ? { ...OPEN311_XML_ITEMS, [xml.root]: xml.item } : OPEN311_XML_ITEMS;
  return { statusCode, headers: { ...XML_HEADERS, ...headers }, body: renderXml(xml.root, body, items) };
}

/** `service_code` for `service_code`, `attribute[kind]` for `attribute.kind`. */
export function open311FieldName(path: string): string {
  const [head, ...rest] = path.split('.');
  return `${head}${rest.map((p) => `[${p}]`).join('')}`;
}

/** The spec's error list: one `{code, description}` per problem, each naming its field. */
export function open311Errors(error: AppError): Open311Error[] {
  const code = ERROR_STATUS[error.code];
  const details = error.details ?? [];
  if (details.length === 0) return [{ code, description: error.message }];
  return details.map((d) => ({ code, description: d.path ? `${open311FieldName(d.path)}: ${d.message}` : d.message }));
}

export function open311ErrorResponse(error: AppError, format: Open311Format): HttpResponse {
  const headers: Record<string, string> = error.retryAfter === undefined ? {} : { 'retry-after': String(error.retryAfter) };
  return open311Response(error.status, open311Errors(error), format, { root: 'errors', item: 'error' }, headers);
}
