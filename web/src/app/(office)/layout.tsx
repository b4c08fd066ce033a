import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AntdRegistry } from '@ant-design/nextjs-registry';
import 'antd/dist/reset.css';
import { OfficeRoot } from '../../components/office/OfficeRoot';
import './office.css';

export const metadata: Metadata = {
  title: { default: '一村一警综治联动平台', template: '%s · 一村一警综治联动平台' },
  icons: { icon: '/icon.svg' },
};

/** Root layout of the office pages (desktop, antd in Chinese). */
export default function OfficeLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <AntdRegistry>
          <OfficeRoot>{children}</OfficeRoot>
        </AntdRegistry>
      </body>
    </html>
  );
}
