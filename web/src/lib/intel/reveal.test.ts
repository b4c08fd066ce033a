import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-error';
import { REVEAL_REASON_MAX, REVEAL_REASON_PRESETS, revealErrorText, revealReasonProblem } from './reveal';

describe('reveal', () => {
  it('requires a reason within the limit', () => {
    expect(revealReasonProblem('')).toBe('请填写查看原因');
    expect(revealReasonProblem('   ')).toBe('请填写查看原因');
    expect(revealReasonProblem('回访核实')).toBeUndefined();
    expect(revealReasonProblem('x'.repeat(REVEAL_REASON_MAX + 1))).toBe('查看原因不能超过 200 字');
    expect(REVEAL_REASON_PRESETS).toContain('回访核实');
  });

  it('explains refusals', () => {
    expect(revealErrorText(new ApiError(403, 'FORBIDDEN', 'forbidden'))).toBe('您无权查看该信息');
    expect(revealErrorText(new ApiError(404, 'NOT_FOUND', 'x'))).toBe('记录不存在，或不在您的辖区内');
    expect(revealErrorText(new ApiError(400, 'VALIDATION_FAILED', '校验失败 / invalid', [{ path: 'reason', message: '不能为空 / required' }]))).toBe('不能为空');
  });
});
