import type { ReactNode } from 'react';

/** A light status box and status label (antd Alert / Tag would add to every page's first load). */
export function Notice({ kind, title, children, action }: { kind: 'error' | 'warning'; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div>
        <div className="notice-title">{title}</div>
        {children && <div className="notice-body">{children}</div>}
      </div>
      {action}
    </div>
  );
}

export function StatusLabel({ status }: { status: 'active' | 'inactive' }) {
  return status === 'active' ? <span className="status status-active">在用</span> : <span className="status status-inactive">已停用</span>;
}
