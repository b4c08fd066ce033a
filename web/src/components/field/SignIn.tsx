'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { currentIdToken, ensureAuth } from '../../lib/auth';
import { safeNext } from '../../lib/nav';
import type { SignInOutcome } from '../../lib/sign-in';
import { signInErrorMessage } from '../../lib/sign-in-errors';
import { TextField } from './TextField';

type Step = 'checking' | 'credentials' | 'newPassword';

/** Amplify's sign-in flows, fetched after the page is shown (see lib/sign-in.ts). */
const loadSignIn = () => import('../../lib/sign-in');

function goNext(): void {
  window.location.assign(safeNext(new URLSearchParams(window.location.search).get('next')));
}

/** 登录: username + password, then a new password when the account still has its temporary one. */
export function SignIn() {
  const [step, setStep] = useState<Step>('checking');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPasswordValue] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ensureAuth()
      .then(() => currentIdToken())
      .then((token) => {
        if (token) return goNext();
        setStep('credentials');
        void loadSignIn();
      })
      .catch(() => {
        setStep('credentials');
        setError('无法读取系统配置，请稍后刷新重试');
      });
  }, []);

  const after = (outcome: SignInOutcome) => {
    if (outcome === 'signedIn') goNext();
    else {
      setStep('newPassword');
      setBusy(false);
    }
  };

  const submitCredentials = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim()) return setError('请输入用户名');
    if (!password) return setError('请输入密码');
    setError(undefined);
    setBusy(true);
    try {
      const { signInWithPassword } = await loadSignIn();
      after(await signInWithPassword(username, password));
    } catch (err) {
      if ((err as { name?: string }).name === 'UserAlreadyAuthenticatedException') return goNext();
      setError(signInErrorMessage(err, 'signIn'));
      setBusy(false);
    }
  };

  const submitNewPassword = async (event: FormEvent) => {
    event.preventDefault();
    if (newPassword.length < 8) return setError('新密码至少 8 位');
    if (newPassword !== confirmPassword) return setError('两次输入的新密码不一致');
    setError(undefined);
    setBusy(true);
    try {
      const { setNewPassword } = await loadSignIn();
      after(await setNewPassword(newPassword));
    } catch (err) {
      setError(signInErrorMessage(err, 'newPassword'));
      setBusy(false);
    }
  };

  return (
    <main className="f-center">
      <div className="f-card">
        <h1 className="f-title">一村一警综治联动</h1>
        <p className="f-subtitle">{step === 'newPassword' ? '首次登录，请设置新密码' : '请使用分配的账号登录'}</p>
        {error && (
          <p className="f-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        {step === 'newPassword' ? (
          <form onSubmit={submitNewPassword} noValidate data-testid="new-password-form">
            <p className="f-hint">新密码至少 8 位，须包含大写字母、小写字母、数字和符号。</p>
            <TextField label="新密码" type="password" autoComplete="new-password" value={newPassword} onValue={setNewPasswordValue} testId="new-password" />
            <TextField
              label="确认新密码"
              type="password"
              autoComplete="new-password"
              value={confirmPassword}
              onValue={setConfirmPassword}
              testId="new-password-confirm"
            />
            <button className="f-button" type="submit" disabled={busy} data-testid="new-password-submit">
              {busy ? '正在保存…' : '设置新密码并登录'}
            </button>
          </form>
        ) : (
          <form onSubmit={submitCredentials} noValidate data-testid="login-form">
            <TextField
              label="用户名"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onValue={setUsername}
              testId="login-username"
            />
            <TextField
              label="密码"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onValue={setPassword}
              testId="login-password"
            />
            <button className="f-button" type="submit" disabled={busy || step === 'checking'} data-testid="login-submit">
              {busy ? '正在登录…' : '登录'}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
