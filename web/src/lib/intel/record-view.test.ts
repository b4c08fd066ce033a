import { describe, expect, it } from 'vitest';
import type { IntelRecordEvent } from '@beatlink/shared/intel/records';
import { historyRow, recordFacts, recordSummary } from './record-view';

describe('recordFacts', () => {
  it('shows a person with the ID number and phone masked and revealable', () => {
    const facts = recordFacts({ type: 'person', person: { name: '张建华', gender: 'male', idNumberMasked: '379901********1234', phoneMasked: '138****2222', address: '东街 12 号' } });
    expect(facts).toEqual([
      { label: '姓名', value: '张建华' },
      { label: '性别', value: '男' },
      { label: '身份证号码', secret: 'idNumber', masked: '379901********1234' },
      { label: '联系电话', secret: 'phone', masked: '138****2222' },
      { label: '住址', value: '东街 12 号' },
    ]);
  });

  it('shows the organisation phone as contactPhone, and leaves out what is empty', () => {
    expect(recordFacts({ type: 'organisation', organisation: { name: '东村合作社', contactPhoneMasked: '0532****01' } })).toEqual([
      { label: '名称', value: '东村合作社' },
      { label: '联系电话', secret: 'contactPhone', masked: '0532****01' },
    ]);
    expect(recordFacts({ type: 'place', place: { name: '东村超市', location: { lat: 36.1, lng: 120.5 } } })).toEqual([
      { label: '名称', value: '东村超市' },
      { label: '位置', value: '36.100000, 120.500000' },
    ]);
    expect(recordFacts({ type: 'thing' })).toEqual([]);
  });

  it('prints event times in the county time zone', () => {
    const facts = recordFacts({ type: 'event', event: { title: '纠纷', occurredAt: '2026-05-12T02:30:00Z', description: '邻里争执' } }, 'Asia/Shanghai');
    expect(facts[1]).toEqual({ label: '发生时间', value: '2026/05/12 10:30' });
  });

  it('summarises a record for the list', () => {
    expect(recordSummary({ type: 'person', person: { name: '张', gender: 'female', idNumberMasked: '3799****', address: '东街' } })).toBe('女 · 3799**** · 东街');
    expect(recordSummary({ type: 'thing', thing: { name: '货车', category: '车辆', identifier: '鲁B12345' } })).toBe('车辆 · 鲁B12345');
  });
});

describe('historyRow', () => {
  const base: IntelRecordEvent = { id: 'e1', recordId: 'itl_1', action: 'update', changed: ['person.phone', 'tags', 'person.idNumber'], version: 3, by: 'ofc.1', byName: '李警官', at: '2026-05-12T02:30:00Z' };

  it('says who, when and which fields', () => {
    expect(historyRow(base, 'Asia/Shanghai')).toEqual({ id: 'e1', when: '2026/05/12 10:30', who: '李警官', what: '更新', fields: '联系电话、标签、身份证号码', version: 3 });
  });

  it('says what a verification set', () => {
    expect(historyRow({ ...base, action: 'verify', changed: ['verification'], state: 'verified', byName: '' }).what).toBe('核实为「已核实」');
    expect(historyRow({ ...base, action: 'verify', changed: [], byName: '' })).toMatchObject({ who: 'ofc.1', fields: '—', what: '核实' });
  });
});
