import type { ReactNode } from 'react';

/** A titled white box (a light stand-in for antd Card, which pulls in Tabs and Skeleton). */
export function Panel({ title, extra, children, testId, flush }: { title?: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string; flush?: boolean }) {
  return (
    <section className={flush ? 'panel panel-flush' : 'panel'} data-testid={testId}>
      {(title || extra) && (
        <header className="panel-head">
          <h2 className="panel-title">{title}</h2>
          {extra && <div className="panel-extra">{extra}</div>}
        </header>
      )}
      <div className="panel-body">{children}</div>
    </section>
  );
}
