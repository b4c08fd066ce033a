import { describe, expect, it } from 'vitest';
import type { Absence } from '@beatlink/shared/duty/absence-rules';
import { DEFAULT_TENANT_CONFIG } from '@beatlink/shared/platform/config';
import { absenceQuery, appendAbsences, decisionBody, makeUpPreview, makeUpSummary, makeUpText, REJECT_NOTE_REQUIRED } from './absences';

const rules = DEFAULT_TENANT_CONFIG.duty;

describe('makeUpPreview', () => {
  it('reads as hours for a contact officer and a day for a community officer', () => {
    expect(makeUpText(makeUpPreview('contact_officer', '2026-05-12', rules))).toBe('补课 3 小时，须在 2026-05-26 前完成');
    expect(makeUpText(makeUpPreview('community_officer', '2026-12-30', { ...rules, makeUpDueDays: 7 }))).toBe('补课 1 天，须在 2027-01-10 前完成');
    expect(makeUpSummary({ unit: 'hours', amount: 3, dueDate: '2026-05-26', status: 'fulfilled' })).toBe('补课 3 小时 · 截止 2026-05-26 · 已补齐');
  });
});

describe('decisionBody', () => {
  it('sends the version read, and the note when there is one', () => {
    expect(decisionBody({ version: 3 }, 'approve', '  ')).toEqual({ body: { version: 3, decision: 'approve' } });
    expect(decisionBody({ version: 3 }, 'approve', ' 同意 ')).toEqual({ body: { version: 3, decision: 'approve', note: '同意' } });
    expect(decisionBody({ version: 1 }, 'reject', '理由不充分')).toEqual({ body: { version: 1, decision: 'reject', note: '理由不充分' } });
  });

  it('refuses a rejection without a note, and a note too long', () => {
    expect(decisionBody({ version: 1 }, 'reject', undefined)).toEqual({ error: REJECT_NOTE_REQUIRED });
    expect(decisionBody({ version: 1 }, 'reject', '   ')).toEqual({ error: REJECT_NOTE_REQUIRED });
    expect(decisionBody({ version: 1 }, 'approve', 'x'.repeat(501))).toEqual({ error: '最多 500 个字符' });
  });
});

describe('absence list', () => {
  it('queries by tab and, when chosen, the week', () => {
    expect(absenceQuery('pending', undefined)).toEqual({ status: 'pending', limit: 50 });
    expect(absenceQuery('approved', '2026-W20', 20)).toEqual({ status: 'approved', week: '2026-W20', limit: 20 });
  });

  it('appends a page without repeating rows', () => {
    const a = (id: string) => ({ id }) as Absence;
    expect(appendAbsences([a('1'), a('2')], [a('2'), a('3')]).map((x) => x.id)).toEqual(['1', '2', '3']);
  });
});
