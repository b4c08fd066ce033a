'use client';

import type { ReactNode } from 'react';
import { Button, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { AppShell } from './AppShell';
import { DirectoryProvider } from './directory';
import { FeedbackProvider } from './feedback';
import { Notice } from './Notice';
import { SessionGate } from './session';

/**
 * WCAG AA contrast (4.5:1) on white: antd's secondary and placeholder greys (45 % and 25 % black)
 * become 60 % and 55 % (about 5.7:1 and 4.7:1), and links take the primary blue (about 8:1) instead
 * of antd's link blue (about 4:1).
 */
const OFFICE_THEME = {
  token: {
    colorPrimary: '#1f4e9c',
    colorLink: '#1f4e9c',
    colorLinkHover: '#2f64bd',
    colorLinkActive: '#163a75',
    // Danger buttons and error text: red-7 (about 5.6:1) instead of red-5 (about 3.9:1).
    colorError: '#cf1322',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
};

/** antd in Chinese, the session, the shared directory data and the shell around every office page. */
export function OfficeRoot({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={OFFICE_THEME}>
      <FeedbackProvider>
        <SessionGate
          loading={
            <div className="office-center">
              <Spin size="large" description="正在加载…" />
            </div>
          }
          failed={(message, retry) => (
            <div className="office-center">
              <Notice
                kind="error"
                title="无法加载"
                action={
                  <Button type="primary" onClick={retry}>
                    重试
                  </Button>
                }
              >
                {message}
              </Notice>
            </div>
          )}
        >
          <DirectoryProvider>
            <AppShell>{children}</AppShell>
          </DirectoryProvider>
        </SessionGate>
      </FeedbackProvider>
    </ConfigProvider>
  );
}
