'use client';

import { useEffect, useState } from 'react';
import type { Me } from '@beatlink/shared';
import { ROLE_LABELS } from '@beatlink/shared/roles';
import { describeError } from '../../lib/api-error';
import { currentIdToken, getApiClient, redirectToLogin, signOutEverywhere } from '../../lib/auth';
import { joinLabels } from '../../lib/format';

type State = { kind: 'loading' } | { kind: 'ready'; me: Me } | { kind: 'failed'; message: string };

/** 我的 (phone): who is signed in, his roles and county; sign out. */
export function MyAccount() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => {
    (async () => {
      if (!(await currentIdToken())) return redirectToLogin();
      const api = await getApiClient();
      setState({ kind: 'ready', me: await api.get<Me>('/me') });
    })().catch((error: unknown) => setState({ kind: 'failed', message: describeError(error) }));
  }, []);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await signOutEverywhere();
    } finally {
      window.location.assign('/login');
    }
  };

  return (
    <>
      <header className="f-bar">我的</header>
      <main className="f-page">
        {state.kind === 'loading' && <p className="f-hint">正在加载…</p>}
        {state.kind === 'failed' && (
          <p className="f-error" role="alert">
            {state.message}
          </p>
        )}
        {state.kind === 'ready' && (
          <ul className="f-list" data-testid="me-card">
            <li>
              <span>姓名</span>
              <span data-testid="me-name">{state.me.name}</span>
            </li>
            <li>
              <span>角色</span>
              <span data-testid="me-roles">{joinLabels(state.me.roles.map((role) => ROLE_LABELS[role]?.zh ?? role))}</span>
            </li>
            <li>
              <span>所在单位</span>
              <span data-testid="me-tenant">{state.me.tenantName ?? '—'}</span>
            </li>
            <li>
              <span>用户名</span>
              <span>{state.me.username}</span>
            </li>
          </ul>
        )}
        <button className="f-button f-button-secondary" type="button" onClick={() => void signOut()} disabled={signingOut} data-testid="sign-out">
          {signingOut ? '正在退出…' : '退出登录'}
        </button>
        <a className="f-link" href="/">
          进入办公端
        </a>
      </main>
    </>
  );
}
