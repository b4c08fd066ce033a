import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/app-error';
import { decodeCursor, encodeCursor } from './cursor';

const expectCursorError = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    expect((error as AppError).details).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    return;
  }
  throw new Error('expected a cursor error');
};

const base = { keyAttributes: ['pk', 'sk'], partitions: { pk: 'T#370285#OFFICE' } };
const byStation = {
  keyAttributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
  partitions: { pk: 'T#370285#OFFICE', gsi1pk: 'T#370285#OFFICE#BY#STATION#stn_1' },
};

describe('cursor codec', () => {
  it('round-trips a key as an opaque base64url string', () => {
    const key = { pk: 'T#370285#OFFICE', sk: 'ofc_01' };
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, base)).toEqual(key);
    const indexKey = { pk: 'T#370285#OFFICE', sk: 'ofc_01', gsi1pk: 'T#370285#OFFICE#BY#STATION#stn_1', gsi1sk: '一号#ofc_01' };
    expect(decodeCursor(encodeCursor(indexKey), byStation)).toEqual(indexKey);
  });

  it("refuses another county's partition", () => {
    expectCursorError(() => decodeCursor(encodeCursor({ pk: 'T#370283#OFFICE', sk: 'ofc_01' }), base));
    // `37028` must not pass for `370285`
    expectCursorError(() => decodeCursor(encodeCursor({ pk: 'T#37028#OFFICE', sk: 'ofc_01' }), base));
  });

  it('refuses a cursor of another list', () => {
    expectCursorError(() => decodeCursor(encodeCursor({ pk: 'T#370285#STATION', sk: 'stn_01' }), base));
    expectCursorError(() =>
      decodeCursor(encodeCursor({ pk: 'T#370285#OFFICE', sk: 'o', gsi1pk: 'T#370285#OFFICE#BY#STATION#stn_2', gsi1sk: 'x' }), byStation),
    );
    expectCursorError(() => decodeCursor(encodeCursor({ pk: 'T#370285#OFFICE', sk: 'o' }), byStation));
  });

  it('refuses garbage, extra attributes and non-string values', () => {
    expectCursorError(() => decodeCursor('not-base64-json', base));
    expectCursorError(() => decodeCursor(encodeCursor({ pk: 'T#370285#OFFICE', sk: 'o', x: 'y' }), base));
    expectCursorError(() => decodeCursor(encodeCursor({ pk: 'T#370285#OFFICE', sk: 1 }), base));
    expectCursorError(() => decodeCursor(Buffer.from('[1]').toString('base64url'), base));
  });
});
