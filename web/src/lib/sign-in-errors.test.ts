import { describe, expect, it } from 'vitest';
import { safeNext } from './nav';
import { signInErrorMessage } from './sign-in-errors';

const named = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('signInErrorMessage', () => {
  it('says 用户名或密码错误 for a wrong user or password, in AWS and in cognito-local', () => {
    expect(signInErrorMessage(named('NotAuthorizedException', 'Incorrect username or password.'), 'signIn')).toBe('用户名或密码错误');
    expect(signInErrorMessage(named('InvalidPasswordException', 'Invalid password'), 'signIn')).toBe('用户名或密码错误');
    expect(signInErrorMessage(named('UserNotFoundException'), 'signIn')).toBe('用户名或密码错误');
  });

  it('explains disabled accounts, throttling and network trouble', () => {
    expect(signInErrorMessage(named('NotAuthorizedException', 'User is disabled.'), 'signIn')).toBe('账号已停用，请联系管理员');
    expect(signInErrorMessage(named('NotAuthorizedException', 'Password attempts exceeded'), 'signIn')).toBe('尝试次数过多，请稍后再试');
    expect(signInErrorMessage(named('TooManyRequestsException'), 'signIn')).toBe('尝试次数过多，请稍后再试');
    expect(signInErrorMessage(new TypeError('Failed to fetch'), 'signIn')).toBe('无法连接登录服务，请检查网络后重试');
  });

  it('words the new-password step separately', () => {
    expect(signInErrorMessage(named('InvalidPasswordException', 'Password does not conform to policy'), 'newPassword')).toMatch(/^新密码不符合要求/);
    expect(signInErrorMessage(named('NotAuthorizedException', 'Invalid session'), 'newPassword')).toBe('登录会话已过期，请重新登录');
  });
});

describe('safeNext', () => {
  it('only returns to same-site paths', () => {
    expect(safeNext('/org?x=1')).toBe('/org?x=1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/login')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
