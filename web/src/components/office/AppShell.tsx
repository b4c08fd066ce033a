'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { Button, Layout, Menu, Space } from 'antd';
import { ROLE_LABELS } from '@beatlink/shared/roles';
import { joinLabels } from '../../lib/format';
import { NAV_ITEMS, navEntries, navFor, selectedNav } from '../../lib/nav';
import { Notice } from './Notice';
import { useSession } from './session';

const { Header, Sider, Content } = Layout;

// The bell (its polling, panel and labels) loads after the page: nothing of it in the first load.
const NotificationBell = dynamic(() => import('./notifications/NotificationBell'), { ssr: false });

/** The office portal's frame: menu by role, who is signed in, sign-out; refuses pages the role lacks. */
export function AppShell({ children }: { children: ReactNode }) {
  const { me, can, signOut } = useSession();
  const pathname = usePathname() ?? '/';
  const [signingOut, setSigningOut] = useState(false);
  const current = selectedNav(pathname);
  const page = NAV_ITEMS.find((item) => item.path === current);
  const refused = !!page?.action && !can(page.action);
  const roles = joinLabels(me.roles.map((role) => ROLE_LABELS[role]?.zh ?? role));
  // A county's name; a provincial analyst's province (by its code); else the platform.
  const unitTitle = me.tenantName ?? (me.provinceId ? `省厅（${me.provinceId}）` : '平台');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} width={200} className="office-sider">
        <div className="office-brand">一村一警综治联动</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[current]}
          items={navEntries(navFor(me.roles)).map((entry) =>
            entry.kind === 'item'
              ? { key: entry.item.path, label: <Link href={entry.item.path}>{entry.item.label}</Link> }
              : {
                  type: 'group' as const,
                  key: `group:${entry.label}`,
                  label: entry.label,
                  children: entry.items.map((item) => ({ key: item.path, label: <Link href={item.path}>{item.label}</Link> })),
                },
          )}
          data-testid="nav-menu"
        />
      </Sider>
      <Layout>
        <Header className="office-header">
          <strong className="office-header-title">{unitTitle}</strong>
          <Space size="middle" wrap>
            {can('notification.read') && <NotificationBell />}
            <span data-testid="user-header">
              <span data-testid="user-name">{me.name}</span>
              <span className="muted office-header-meta"> · {unitTitle} · {roles}</span>
            </span>
            <Button
              data-testid="sign-out"
              loading={signingOut}
              onClick={() => {
                setSigningOut(true);
                void signOut().finally(() => setSigningOut(false));
              }}
            >
              退出登录
            </Button>
          </Space>
        </Header>
        <Content className="office-content">
          {refused ? <Notice kind="warning" title="无权访问">
              您的角色没有访问此页面的权限。
            </Notice> : children}
        </Content>
      </Layout>
    </Layout>
  );
}
