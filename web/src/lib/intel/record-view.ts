import type { IntelRecord, IntelRecordEvent } from '@beatlink/shared/intel/records';
import type { IntelSecretField } from '@beatlink/shared/intel/labels';
import { formatDateTime } from '../format';
import { EVENT_ACTION_TEXT, changedFieldLabel, genderLabel, verificationLabel } from './labels';

/** One line of a record's details: a plain value, or a masked secret the user may ask to reveal. */
export type RecordFact = { label: string; value: string } | { label: string; secret: IntelSecretField; masked: string };

const plain = (label: string, value: string | undefined): RecordFact[] => (value ? [{ label, value }] : []);
const secret = (label: string, field: IntelSecretField, masked: string | undefined): RecordFact[] => (masked ? [{ label, secret: field, masked }] : []);

/** The details of a record by its type, in the order the office reads them; empty fields left out. */
export function recordFacts(record: Pick<IntelRecord, 'type' | 'person' | 'place' | 'thing' | 'event' | 'organisation'>, timeZone?: string): RecordFact[] {
  switch (record.type) {
    case 'person': {
      const p = record.person;
      if (!p) return [];
      return [...plain('姓名', p.name), ...plain('性别', genderLabel(p.gender)), ...secret('身份证号码', 'idNumber', p.idNumberMasked), ...secret('联系电话', 'phone', p.phoneMasked), ...plain('住址', p.address), ...plain('职业', p.occupation)];
    }
    case 'place': {
      const p = record.place;
      if (!p) return [];
      return [...plain('名称', p.name), ...plain('地址', p.address), ...plain('位置', p.location ? `${p.location.lat.toFixed(6)}, ${p.location.lng.toFixed(6)}` : undefined)];
    }
    case 'thing': {
      const t = record.thing;
      if (!t) return [];
      return [...plain('名称', t.name), ...plain('类别', t.category), ...plain('标识（号牌、车架号等）', t.identifier)];
    }
    case 'event': {
      const e = record.event;
      if (!e) return [];
      return [...plain('标题', e.title), ...plain('发生时间', e.occurredAt ? formatDateTime(e.occurredAt, timeZone) : undefined), ...plain('经过', e.description)];
    }
    case 'organisation': {
      const o = record.organisation;
      if (!o) return [];
      return [...plain('名称', o.name), ...plain('地址', o.address), ...secret('联系电话', 'contactPhone', o.contactPhoneMasked)];
    }
    default:
      return [];
  }
}

/** The short line of a record in a list: `男 · 379901********1234 · 东街 12 号`. */
export function recordSummary(record: Pick<IntelRecord, 'type' | 'person' | 'place' | 'thing' | 'event' | 'organisation'>): string {
  switch (record.type) {
    case 'person':
      return [record.person && genderLabel(record.person.gender), record.person?.idNumberMasked, record.person?.address].filter(Boolean).join(' · ');
    case 'place':
      return record.place?.address ?? '';
    case 'thing':
      return [record.thing?.category, record.thing?.identifier].filter(Boolean).join(' · ');
    case 'event':
      return (record.event?.description ?? '').slice(0, 60);
    case 'organisation':
      return record.organisation?.address ?? '';
    default:
      return '';
  }
}

export interface HistoryRow {
  id: string;
  when: string;
  who: string;
  what: string;
  fields: string;
  version: number;
}

/** One history entry as the page shows it: who, when, what (采集 / 更新 / 核实为…), which fields. */
export function historyRow(event: IntelRecordEvent, timeZone?: string): HistoryRow {
  const action = EVENT_ACTION_TEXT[event.action] ?? event.action;
  return {
    id: event.id,
    when: formatDateTime(event.at, timeZone),
    who: event.byName || event.by,
    what: event.action === 'verify' && event.state ? `${action}为「${verificationLabel(event.state)}」` : action,
    fields: event.changed.length ? [...new Set(event.changed.map(changedFieldLabel))].join('、') : '—',
    version: event.version,
  };
}
