import type { Metadata } from 'next';
import './(field)/field.css';

export const metadata: Metadata = { title: '页面不存在 · 一村一警' };

/** 404 for URLs outside both route groups (there is no single root layout to compose one from). */
export default function GlobalNotFound() {
  return (
    <html lang="zh-CN">
      <body className="field">
        <main className="f-center">
          <div className="f-card">
            <h1 className="f-title">页面不存在</h1>
            <p className="f-subtitle">您访问的地址有误，或页面已被移除。</p>
            <a className="f-button" href="/" style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', textDecoration: 'none' }}>
              返回首页
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
