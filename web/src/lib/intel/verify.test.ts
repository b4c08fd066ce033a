import { describe, expect, it } from 'vitest';
import { verifyBody } from './verify';

const record = { version: 4, verification: { state: 'unverified' as const } };

describe('verifyBody', () => {
  it('sends the state with the version read and a trimmed note', () => {
    expect(verifyBody(record, 'verified', '  经村委会核实  ')).toEqual({ body: { version: 4, state: 'verified', note: '经村委会核实' } });
    expect(verifyBody(record, 'verified', '')).toEqual({ body: { version: 4, state: 'verified' } });
  });

  it('asks for a state, and a reason for a doubtful or obsolete record', () => {
    expect(verifyBody(record, undefined, '')).toMatchObject({ field: 'state' });
    expect(verifyBody(record, 'disputed', ' ')).toEqual({ error: '标记为「存疑」须说明原因', field: 'note' });
    expect(verifyBody(record, 'obsolete', '已搬离')).toMatchObject({ body: { state: 'obsolete', note: '已搬离' } });
  });

  it('refuses a state unchanged without a note, and a note too long', () => {
    expect(verifyBody(record, 'unverified', '')).toMatchObject({ field: 'note' });
    expect(verifyBody(record, 'verified', 'x'.repeat(501))).toEqual({ error: '核实说明不能超过 500 字', field: 'note' });
  });
});
