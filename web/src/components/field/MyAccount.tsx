'use client';

import { useState } from 'react';
import { ROLE_LABELS } from '@beatlink/shared/roles';
import { signOutEverywhere } from '../../lib/auth';
import { assessmentLinks } from '../../lib/field/assessment-links';
import { collectLinks, dutyLinks, type FieldLink } from '../../lib/field/nav';
import { joinLabels } from '../../lib/format';
import { FieldBell } from './FieldBell';
import { useFieldSession } from './session';
import { FieldBar } from './ui';
import './duty.css';

/** 我的 (phone): who is signed in, his roles and county, the duty pages he may use; sign out. */
export function MyAccount() {
  const session = useFieldSession();
  const state = session.kind === 'ready' ? { kind: 'ready' as const, me: session.session.me } : session;
  const [signingOut, setSigningOut] = useState(false);

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
      <FieldBar title="我的" extra={<FieldBell />} />
      <main className="f-page">
        {state.kind === 'loading' && <p className="f-hint">正在加载…</p>}
        {state.kind === 'failed' && (
          <p className="f-error" role="alert">
            {state.message}
          </p>
        )}
        {state.kind === 'ready' && <Links label="警务值守" links={dutyLinks(state.me)} testId="m-duty-links" />}
        {state.kind === 'ready' && <Links label="基础信息采集" links={collectLinks(state.me)} testId="m-collect-links" />}
        {state.kind === 'ready' && <Links label="考核" links={assessmentLinks(state.me)} testId="m-assessment-links" />}
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

/** Big links to the field pages of one kind (nothing when the user may use none). */
function Links({ label, links, testId }: { label: string; links: FieldLink[]; testId: string }) {
  if (links.length === 0) return null;
  return (
    <nav className="f-links" aria-label={label} data-testid={testId}>
      {links.map((link) => (
        <a key={link.href} href={link.href} className="f-link-card" data-testid={link.testId}>
          <strong>{link.label}</strong>
          <span className="f-muted">{link.hint}</span>
        </a>
      ))}
    </nav>
  );
}
