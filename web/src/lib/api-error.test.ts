import { describe, expect, it } from 'vitest';
import { ApiError, chinesePart, describeError, isVersionConflict, parseErrorBody, VERSION_CONFLICT_MESSAGE } from './api-error';

describe('parseErrorBody', () => {
  it('reads the API error envelope', () => {
    const error = parseErrorBody(400, {
      error: { code: 'VALIDATION_FAILED', message: '请求无效 / invalid', details: [{ path: 'name', message: '必填 / required' }] },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'name', message: '必填 / required' }]);
    expect(error.retryAfter).toBeUndefined();
    expect(parseErrorBody(409, { error: { code: 'CONFLICT', message: '并发写入', retryAfter: 1 } }).retryAfter).toBe(1);
  });

  it('falls back to the status when the body is not ours', () => {
    expect(parseErrorBody(503, 'Service Unavailable').code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(parseErrorBody(418, undefined).code).toBe('INTERNAL');
    expect(parseErrorBody(404, { error: { message: 'gone', details: [{ path: 3 }] } })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'gone',
      details: [{ path: '', message: '' }],
    });
  });
});

describe('describeError', () => {
  it('prefers the Chinese half of the server message, else the code', () => {
    expect(describeError(new ApiError(409, 'CONFLICT', '警号已被使用 / police number already in use'))).toBe('警号已被使用');
    expect(describeError(new ApiError(403, 'FORBIDDEN', 'forbidden'))).toBe('没有权限执行此操作');
    expect(describeError(new ApiError(0, 'NETWORK', 'Failed to fetch'))).toBe('无法连接服务器，请检查网络后重试');
    expect(describeError(new ApiError(409, 'VERSION_CONFLICT', 'stale'))).toBe(VERSION_CONFLICT_MESSAGE);
    expect(describeError(new TypeError('Failed to fetch'))).toBe('无法连接服务器，请检查网络后重试');
    expect(describeError('???')).toBe('服务器内部错误，请稍后重试');
  });

  it('keeps messages without a bilingual split', () => {
    expect(chinesePart('no chinese / at all')).toBe('no chinese / at all');
    expect(chinesePart('只有中文')).toBe('只有中文');
  });
});

describe('isVersionConflict', () => {
  it('recognises a stale version, not other conflicts', () => {
    expect(isVersionConflict(new ApiError(409, 'VERSION_CONFLICT', 'x'))).toBe(true);
    expect(isVersionConflict(new ApiError(409, 'CONFLICT', '用户名已被使用 / username already taken'))).toBe(false);
    expect(isVersionConflict(new Error('x'))).toBe(false);
  });
});
