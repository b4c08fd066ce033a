import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './field.css';

export const metadata: Metadata = {
  title: { default: '一村一警', template: '%s · 一村一警' },
  icons: { icon: '/icon.svg' },
  manifest: '/manifest.webmanifest',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#1f4e9c',
};

/**
 * Registers public/sw.js (the phone pages open without a signal) once the page has loaded. An
 * inline script in the server-rendered HTML, so it adds no JS chunk to the field pages' budget.
 * Scope '/m': the worker controls the phone pages only, never /login or the office pages.
 */
const REGISTER_SERVICE_WORKER =
  "if('serviceWorker'in navigator)addEventListener('load',function(){navigator.serviceWorker.register('/sw.js',{scope:'/m'}).catch(function(){})})";

/** Root layout of the phone pages and sign-in: no antd, a small stylesheet of our own. */
export default function FieldLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="field">
        {children}
        {/* Production only: in `next dev` a cached page would hide code changes. */}
        {process.env.NODE_ENV === 'production' && <script dangerouslySetInnerHTML={{ __html: REGISTER_SERVICE_WORKER }} />}
      </body>
    </html>
  );
}
