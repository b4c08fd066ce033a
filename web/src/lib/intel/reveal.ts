import { ApiError, chinesePart, describeError } from '../api-error';

/**
 * The reveal of a masked ID number or phone (households and information records alike): a reason
 * is required, at most 200 characters (the API's limit), and every reveal is recorded.
 */
export const REVEAL_REASON_MAX = 200;

/** Reasons offered with one click; the user may write his own. */
export const REVEAL_REASON_PRESETS = ['回访核实', '核实身份', '联系本人', '案事件调查'] as const;

export function revealReasonProblem(reason: string): string | undefined {
  const trimmed = reason.trim();
  if (!trimmed) return '请填写查看原因';
  if (trimmed.length > REVEAL_REASON_MAX) return `查看原因不能超过 ${REVEAL_REASON_MAX} 字`;
  return undefined;
}

/** What the dialog says when the API refuses. */
export function revealErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return '您无权查看该信息';
    if (error.status === 404) return '记录不存在，或不在您的辖区内';
    if (error.status === 400 && error.details.length) return error.details.map((d) => chinesePart(d.message)).join('；');
    if (error.status === 400 || error.status === 422) return chinesePart(error.message);
  }
  return describeError(error);
}
