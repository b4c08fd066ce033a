import { describe, expect, it } from 'vitest';
import { LOOKUP_HINT, lookupBody } from './lookup';

describe('lookupBody', () => {
  it('tells an ID number from a phone', () => {
    expect(lookupBody(' 37990119850312123x ')).toEqual({ body: { idNumber: '37990119850312123X' } });
    expect(lookupBody('138 0000 2222')).toEqual({ body: { phone: '13800002222' } });
    expect(lookupBody('+86 13800002222')).toEqual({ body: { phone: '13800002222' } });
    expect(lookupBody('0532-87650001')).toEqual({ body: { phone: '053287650001' } });
    expect(lookupBody('１３８００００２２２２')).toEqual({ body: { phone: '13800002222' } });
  });

  it('says what is wrong', () => {
    expect(lookupBody('')).toEqual({ error: LOOKUP_HINT });
    expect(lookupBody('张三')).toEqual({ error: LOOKUP_HINT });
    expect(lookupBody('3799011985031212')).toEqual({ error: '身份证号码须为 17 位数字加 1 位数字或 X' });
    expect(lookupBody('12345')).toEqual({ error: LOOKUP_HINT });
  });
});
