import { describe, expect, it } from 'vitest';
import { matterIntakeSchema } from '@beatlink/shared/matters/schemas';
import {
  accuracyText,
  apiErrorsToFields,
  draftToBody,
  fieldOfPath,
  firstErrorField,
  fromLocalInput,
  newDraft,
  newDraftKey,
  similarityText,
  toLocalInput,
  validateDraft,
  type IntakeDraft,
} from './intake';

const VILLAGE = 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
const ATT = 'att_01JD3Z6Q9V8C2M4N5P6R7S8T9V';

function filled(change: Partial<IntakeDraft> = {}): IntakeDraft {
  return {
    ...newDraft(new Date(2026, 4, 12, 9, 30)),
    kind: 'demand',
    villageId: VILLAGE,
    categoryId: 'public_order',
    description: '  村口路灯坏了三天，夜里群众出行不便。 ',
    reporterName: '张大山',
    reporterPhone: '13805321111',
    ...change,
  };
}

describe('datetime-local values', () => {
  it('round-trip through the phone time zone', () => {
    const date = new Date(2026, 4, 12, 9, 30);
    expect(toLocalInput(date)).toBe('2026-05-12T09:30');
    expect(fromLocalInput('2026-05-12T09:30')).toBe(date.toISOString());
    expect(fromLocalInput('2026-02-30T09:30')).toBeUndefined();
    expect(fromLocalInput('')).toBeUndefined();
  });
});

describe('validateDraft', () => {
  it('asks for kind, village, category and description of an empty draft', () => {
    const errors = validateDraft(newDraft(new Date()));
    expect(Object.keys(errors).sort()).toEqual(['category', 'description', 'kind', 'reporter-name', 'reporter-phone', 'village']);
    expect(errors.kind).toBe('请选择事项类型');
    expect(firstErrorField(errors)).toBe('kind');
  });

  it('requires the reporter for 群众反映 but not for 民警发现, and checks the phone', () => {
    expect(validateDraft(filled())).toEqual({});
    expect(validateDraft(filled({ reporterName: '', reporterPhone: '' }))).toEqual({
      'reporter-name': '群众反映的事项须填写反映人姓名',
      'reporter-phone': '群众反映的事项须填写联系电话',
    });
    expect(validateDraft(filled({ source: 'officer', reporterName: '', reporterPhone: '' }))).toEqual({});
    // Half a reporter is not sent: both or neither.
    expect(validateDraft(filled({ source: 'officer', reporterName: '', reporterPhone: '13805321111' }))).toEqual({ 'reporter-name': '请同时填写反映人姓名' });
    expect(validateDraft(filled({ reporterPhone: '12345' }))['reporter-phone']).toMatch(/有效/);
    expect(validateDraft(filled({ reporterPhone: '0532-87654321' }))).toEqual({});
  });

  it('checks lengths with the schema limits', () => {
    expect(validateDraft(filled({ description: '字'.repeat(2001) })).description).toBe('最多 2000 个字');
    expect(validateDraft(filled({ description: '字'.repeat(2000) })).description).toBeUndefined();
    expect(validateDraft(filled({ address: '路'.repeat(121) })).address).toBe('最多 120 个字');
  });

  it('checks the dispute section only when it is sent', () => {
    const opened = filled({ kind: 'dispute', dispute: { ...filled().dispute, enabled: true } });
    expect(validateDraft(opened)).toMatchObject({
      'dispute-parties': '请至少填写一名当事人',
      'dispute-type': '请选择纠纷类型',
      'dispute-risk': '请选择风险等级',
      'dispute-stage': '请选择发现阶段',
    });
    // Opened, then the kind changed: not sent, not checked.
    expect(validateDraft({ ...opened, kind: 'demand' })).toEqual({});
    const badPhone = validateDraft({
      ...opened,
      dispute: { ...opened.dispute, parties: [{ name: '', role: 'applicant', phone: '' }, { name: '李小河', role: 'respondent', phone: '123' }] },
    });
    expect(badPhone['dispute-party-1-phone']).toBe('请填写有效的电话号码');
    expect(badPhone['dispute-parties']).toBeUndefined();
  });
});

describe('draftToBody', () => {
  it('builds a body the shared intake schema accepts', () => {
    const body = draftToBody(filled({ location: { lat: 36.2812345678, lng: 120.0123456789, accuracy: 12 }, address: ' 东村村口 ' }), [ATT]);
    expect(body).toEqual({
      kind: 'demand',
      source: 'resident',
      villageId: VILLAGE,
      categoryId: 'public_order',
      description: '村口路灯坏了三天，夜里群众出行不便。',
      reporter: { name: '张大山', phone: '13805321111' },
      location: { lat: 36.281235, lng: 120.012346 },
      address: '东村村口',
      occurredAt: new Date(2026, 4, 12, 9, 30).toISOString(),
      attachmentIds: [ATT],
    });
    expect(matterIntakeSchema.safeParse(body).success).toBe(true);
  });

  it('leaves out what was not filled in, and sends a dispute with its filled parties only', () => {
    const body = draftToBody(
      filled({
        kind: 'dispute',
        source: 'officer',
        reporterName: '',
        reporterPhone: '',
        severity: 'high',
        dispute: {
          enabled: true,
          parties: [
            { name: '张大山', role: 'applicant', phone: '13805321111' },
            { name: '', role: 'respondent', phone: '' },
            { name: '李小河', role: 'respondent', phone: '' },
          ],
          disputeType: 'neighbour',
          riskLevel: 'medium',
          stageFound: 'before',
        },
      }),
    );
    expect(body.reporter).toBeUndefined();
    expect(body.attachmentIds).toBeUndefined();
    expect(body.severity).toBe('high');
    expect(body.dispute).toEqual({
      parties: [
        { name: '张大山', role: 'applicant', phone: '13805321111' },
        { name: '李小河', role: 'respondent' },
      ],
      disputeType: 'neighbour',
      riskLevel: 'medium',
      stageFound: 'before',
    });
    expect(matterIntakeSchema.safeParse(body).success).toBe(true);
  });

  it('gives the same body for the same draft (a retry reuses the Idempotency-Key)', () => {
    const draft = filled();
    expect(JSON.stringify(draftToBody(draft))).toBe(JSON.stringify(draftToBody(structuredClone(draft))));
  });
});

describe('API errors on the form', () => {
  it('maps dotted paths to the fields, dispute rows back to the form rows', () => {
    const draft = filled({
      kind: 'dispute',
      dispute: {
        enabled: true,
        parties: [
          { name: '', role: 'applicant', phone: '' },
          { name: '李小河', role: 'respondent', phone: '13800000000' },
        ],
        disputeType: 'land',
        riskLevel: 'low',
        stageFound: 'after',
      },
    });
    expect(fieldOfPath('villageId')).toBe('village');
    expect(fieldOfPath('reporter')).toBe('reporter-name');
    expect(fieldOfPath('reporter.phone')).toBe('reporter-phone');
    expect(fieldOfPath('attachmentIds.3')).toBe('photos');
    expect(fieldOfPath('location.lat')).toBe('location');
    expect(fieldOfPath('dispute.parties.0.phone', draft)).toBe('dispute-party-1-phone');
    expect(fieldOfPath('dispute.riskLevel')).toBe('dispute-risk');
    expect(fieldOfPath('Idempotency-Key')).toBeUndefined();

    const { fields, general } = apiErrorsToFields(
      [
        { path: 'reporter.phone', message: '须为有效的电话号码 / must be a valid phone number' },
        { path: 'villageId', message: '东村不在您的责任区内 / the village is outside your area' },
        { path: '', message: '提交的数据有误' },
      ],
      draft,
    );
    expect(fields).toEqual({ 'reporter-phone': '须为有效的电话号码', village: '东村不在您的责任区内' });
    expect(general).toEqual(['提交的数据有误']);
  });
});

describe('small texts', () => {
  it('reads accuracy, similarity and draft keys', () => {
    expect(accuracyText(12.4)).toBe('精度约 12 米');
    expect(accuracyText(2500)).toBe('精度约 2.5 公里');
    expect(accuracyText(undefined)).toBe('精度未知');
    expect(similarityText(0.734)).toBe('73%');
    expect(similarityText(1.2)).toBe('100%');
    expect(newDraftKey(() => 'abc')).toBe('intake-abc');
    expect(newDraftKey()).toMatch(/^intake-[0-9a-f-]{36}$/);
  });
});
