import type { IntelRecord, IntelVerifyInput } from '@beatlink/shared/intel/records';
import type { VerificationState } from '@beatlink/shared/intel/labels';
import { verificationLabel } from './labels';

/** The API's limit on a verification note. */
export const VERIFY_NOTE_MAX = 500;

export const VERIFY_CONFLICT_MESSAGE = '该记录已被他人修改，已重新加载，请核对后再核实';

/** The body of POST /intel/records/{id}/verify, with the version the page read; or what is wrong. */
export function verifyBody(record: Pick<IntelRecord, 'version' | 'verification'>, state: VerificationState | undefined, note: string | undefined): { body: IntelVerifyInput } | { error: string; field: 'state' | 'note' } {
  if (!state) return { error: '请选择核实结果', field: 'state' };
  const trimmed = note?.trim() ?? '';
  if (trimmed.length > VERIFY_NOTE_MAX) return { error: `核实说明不能超过 ${VERIFY_NOTE_MAX} 字`, field: 'note' };
  if (state === record.verification.state && !trimmed) return { error: `记录已是「${verificationLabel(state)}」，如需补充请填写核实说明`, field: 'note' };
  if ((state === 'disputed' || state === 'obsolete') && !trimmed) return { error: `标记为「${verificationLabel(state)}」须说明原因`, field: 'note' };
  return { body: { version: record.version, state, ...(trimmed ? { note: trimmed } : {}) } };
}
