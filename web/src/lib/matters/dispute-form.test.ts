import { describe, expect, it } from 'vitest';
import { disputeUpdateSchema } from '@beatlink/shared/matters/schemas';
import type { DisputeRecord } from '@beatlink/shared/matters/views';
import { disputeBody, disputeFormValues } from './dispute-form';

const record: DisputeRecord = {
  matterId: 'mat_1',
  parties: [
    { name: '张大山', role: 'applicant', phoneMasked: '138****1111' },
    { name: '李小河', role: 'respondent' },
  ],
  disputeType: 'neighbour',
  riskLevel: 'medium',
  stageFound: 'before',
  mediations: [{ date: '2026-05-12', mediator: '王建国', result: 'agreement' }],
  followUps: [],
  resolvedAtVillage: false,
  escalated: false,
  turnedIntoCase: false,
  version: 3,
  updatedAt: '2026-05-12T01:00:00.000Z',
  updatedBy: 'program.370283',
};

describe('dispute form', () => {
  it('sends the record back without masked phones: a party left without a phone keeps the stored one', () => {
    const body = disputeBody(disputeFormValues(record), record.version);
    expect(body.parties).toEqual([
      { name: '张大山', role: 'applicant' },
      { name: '李小河', role: 'respondent' },
    ]);
    expect(JSON.stringify(body)).not.toContain('****');
    expect(disputeUpdateSchema.safeParse(body).success).toBe(true);
  });

  it('sends a new phone, an agreement, follow-ups and the flags', () => {
    const values = disputeFormValues(record);
    values.parties[1]!.phone = ' 13905320000 ';
    values.hasAgreement = true;
    values.agreement = { date: '2026-05-13', form: 'oral', summary: ' 各出一半 ' };
    values.followUps = [{ date: '2026-05-20', by: '王建国', stable: true, note: '' }];
    values.resolvedAtVillage = true;
    const body = disputeBody(values, 3);
    expect(body).toMatchObject({
      version: 3,
      parties: [{ name: '张大山', role: 'applicant' }, { name: '李小河', role: 'respondent', phone: '13905320000' }],
      agreement: { date: '2026-05-13', form: 'oral', summary: '各出一半' },
      followUps: [{ date: '2026-05-20', by: '王建国', stable: true }],
      resolvedAtVillage: true,
    });
    expect(disputeUpdateSchema.safeParse(body).success).toBe(true);
    expect(disputeBody({ ...values, hasAgreement: false }, 3).agreement).toBeUndefined();
  });
});
