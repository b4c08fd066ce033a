import { describe, expect, it } from 'vitest';
import { isFormContentType, parseFormBody } from './form-body';

describe('parseFormBody', () => {
  it('parses fields, attribute[code] and attribute[code][]', () => {
    const body = 'api_key=k&service_code=sanitation&lat=36.1&long=120.4&description=%E5%9E%83%E5%9C%BE+%E6%BB%A1&attribute%5Bkind%5D=dispute&attribute[tags][]=a&attribute[tags][]=b';
    expect(parseFormBody(body)).toEqual({
      api_key: 'k',
      service_code: 'sanitation',
      lat: '36.1',
      long: '120.4',
      description: '垃圾 满',
      attribute: { kind: 'dispute', tags: ['a', 'b'] },
    });
  });

  it('keeps the last of repeated plain fields, lists name[] fields, decodes base64', () => {
    expect(parseFormBody('a=1&a=2&b[]=x&b[]=y')).toEqual({ a: '2', b: ['x', 'y'] });
    expect(parseFormBody(Buffer.from('a=1').toString('base64'), true)).toEqual({ a: '1' });
    expect(parseFormBody('')).toBeUndefined();
  });

  it('never writes prototype keys', () => {
    const parsed = parseFormBody('__proto__[x]=1&attribute[__proto__]=2&constructor=3&ok=1');
    expect(parsed).toEqual({ ok: '1' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('recognises the content type with parameters', () => {
    expect(isFormContentType('application/x-www-form-urlencoded; charset=utf-8')).toBe(true);
    expect(isFormContentType('application/json')).toBe(false);
    expect(isFormContentType(undefined)).toBe(false);
  });
});
