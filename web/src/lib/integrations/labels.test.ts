import { describe, expect, it } from 'vitest';
import { WEBHOOK_RETRY_DELAYS_SECONDS } from '@beatlink/shared/integrations/webhooks';
import { apiKeyBody, apiKeyErrorsOf, durationText, itemsOf, prettyJson, rateLimitText, retryScheduleText, scopeLabel, validateApiKeyDraft, webhookErrorsOf, type ApiKeyDraft } from './labels';

const draft = (over: Partial<ApiKeyDraft> = {}): ApiKeyDraft => ({ name: '12345 热线平台', scopes: ['matters:write'], limit: 120, per: 'minute', note: '', ...over });

describe('integration labels', () => {
  it('words rate limits, scopes and durations in Chinese', () => {
    expect(rateLimitText({ limit: 120, per: 'minute' })).toBe('120 次/分钟');
    expect(rateLimitText({ limit: 5, per: 'second' })).toBe('5 次/秒');
    expect(scopeLabel('matters:read')).toBe('查询事项状态');
    expect(scopeLabel('unknown:scope')).toBe('unknown:scope');
    expect(durationText(30)).toBe('30 秒');
    expect(durationText(120)).toBe('2 分钟');
    expect(durationText(90)).toBe('1 分 30 秒');
    expect(durationText(3600)).toBe('1 小时');
    expect(durationText(5400)).toBe('1 小时 30 分钟');
  });

  it('shows the retry schedule from the shared delays', () => {
    const { steps, total } = retryScheduleText(WEBHOOK_RETRY_DELAYS_SECONDS);
    expect(steps).toHaveLength(WEBHOOK_RETRY_DELAYS_SECONDS.length);
    expect(steps[0]).toBe(durationText(WEBHOOK_RETRY_DELAYS_SECONDS[0]));
    expect(total).toBe(durationText(WEBHOOK_RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0)));
  });

  it('pretty-prints JSON payloads and leaves anything else alone', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('not json')).toBe('not json');
    expect(prettyJson(undefined)).toBe('');
  });

  it('reads list answers as pages or arrays', () => {
    expect(itemsOf([1, 2])).toEqual([1, 2]);
    expect(itemsOf({ items: [3] })).toEqual([3]);
    expect(itemsOf(undefined)).toEqual([]);
  });

  it('checks a key draft like the schema does, and builds its body', () => {
    expect(validateApiKeyDraft(draft())).toEqual({});
    expect(validateApiKeyDraft(draft({ name: ' ', scopes: [], limit: null }))).toEqual({ name: '请填写名称', scopes: '至少选择一项权限范围', rateLimit: '限流须为 1–100000 的整数' });
    expect(validateApiKeyDraft(draft({ scopes: ['updates:write'] }))).toEqual({ agencyId: '回传办理结果须绑定成员单位' });
    expect(apiKeyBody(draft({ note: '  备注 ', agencyId: 'agy_1' }))).toEqual({ name: '12345 热线平台', scopes: ['matters:write'], rateLimit: { limit: 120, per: 'minute' }, note: '备注' });
    expect(apiKeyBody(draft({ scopes: ['updates:write'], agencyId: 'agy_1' }))).toMatchObject({ agencyId: 'agy_1' });
  });

  it('puts a 400’s details on the dialog fields', () => {
    const { fields, rest } = apiKeyErrorsOf([
      { path: 'agencyId', message: '回传办理结果须绑定成员单位 / updates:write needs the agency the key acts for' },
      { path: 'rateLimit.limit', message: '不能大于 100000' },
      { path: 'scopes.1', message: '请选择有效的选项' },
      { path: '', message: '包含不允许的字段' },
    ]);
    expect(fields).toEqual({ agencyId: '回传办理结果须绑定成员单位', rateLimit: '不能大于 100000', scopes: '请选择有效的选项' });
    expect(rest).toEqual(['包含不允许的字段']);
    expect(webhookErrorsOf([{ path: 'url', message: '须为 https 网址 / https only' }]).fields).toEqual({ url: '须为 https 网址' });
  });
});
