import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './field.css';

export const metadata: Metadata = {
  title: { default: '一村一警', template: '%s · 一村一警' },
  icons: { icon: '/icon.svg' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#1f4e9c',
};

/** Root layout of the phone pages and sign-in: no antd, a small stylesheet of our own. */
export default function FieldLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="field">{children}</body>
    </html>
  );
}
