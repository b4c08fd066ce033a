import { describe, expect, it } from 'vitest';
import { maskPhone } from './personal-data';

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13800001111')).toBe('138****1111');
    expect(maskPhone('+86 138 0000 1111')).toBe('138****1111');
    expect(maskPhone('0086-13800001111')).toBe('138****1111');
  });

  it('keeps the area code and the last four digits of a landline', () => {
    expect(maskPhone('0532-88885678')).toBe('0532-****5678');
    expect(maskPhone('053288885678')).toBe('0532-****5678');
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('01012345678')).toBe('010-****5678');
    expect(maskPhone('0216666777')).toBe('021-****6777');
    expect(maskPhone('0532 8888567')).toBe('0532-****8567');
  });

  it('keeps at most the last four characters of anything else', () => {
    expect(maskPhone('88885678')).toBe('****5678');
    expect(maskPhone('110')).toBe('****');
    expect(maskPhone('')).toBe('****');
  });

  it('never shows the middle digits', () => {
    for (const phone of ['13912345678', '0532-87654321', '87654321']) expect(maskPhone(phone)).not.toContain('654');
  });
});
