'use client';

import type { ReactNode } from 'react';
import { Button, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { AppShell } from './AppShell';
import { DirectoryProvider } from './directory';
import { FeedbackProvider } from './feedback';
import { Notice } from './Notice';
import { SessionGate } from './session';

/** antd in Chinese, the session, the shared directory data and the shell around every office page. */
export function OfficeRoot({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1f4e9c' } }}>
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
