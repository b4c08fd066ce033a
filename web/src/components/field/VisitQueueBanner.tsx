'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { QUEUE_KIND_LABELS, VisitQueue, queueStorageKey, type FlushResult, type QueueFailure, type QueueItem } from '../../lib/field/visit-queue';
import type { FieldSession } from './session';

export interface VisitQueueState {
  queue: VisitQueue;
  items: QueueItem[];
  failures: QueueFailure[];
  sending: boolean;
  /** Why the last flush stopped (no network…). */
  lastError?: string;
  /** Sends what is queued now. */
  flush: () => Promise<FlushResult | undefined>;
  /** Re-reads the queue after the page changed it. */
  refresh: () => void;
  dismiss: (id: string) => void;
}

/** localStorage, or a stand-in that keeps nothing (private mode): enqueueing then fails loudly. */
function browserStorage(): Storage | { getItem: () => null; setItem: () => never } {
  try {
    return window.localStorage;
  } catch {
    return {
      getItem: () => null,
      setItem: () => {
        throw new Error('此浏览器不能在本机保存数据，无法离线登记');
      },
    };
  }
}

/**
 * The signed-in officer's visit queue (lib/field/visit-queue.ts), sent on page load, on the
 * `online` event and by 立即发送; `onSent` runs after anything went (the page reloads its data).
 */
const RETRY_EVERY_MS = 15_000;

export function useVisitQueue(session: FieldSession, onSent?: (result: FlushResult) => void): VisitQueueState {
  const queue = useMemo(() => new VisitQueue({ storage: browserStorage(), storageKey: queueStorageKey(session.me) }), [session.me]);
  const [items, setItems] = useState<QueueItem[]>(() => queue.items());
  const [failures, setFailures] = useState<QueueFailure[]>(() => queue.failures());
  const [sending, setSending] = useState(false);
  const [lastError, setLastError] = useState<string>();

  const refresh = useCallback(() => {
    setItems(queue.items());
    setFailures(queue.failures());
  }, [queue]);

  const flush = useCallback(async () => {
    if (queue.items().length === 0) {
      refresh();
      return undefined;
    }
    setSending(true);
    try {
      const result = await queue.flush(session.api);
      setLastError(result.stoppedBy);
      if (result.sent.length > 0 || result.failed.length > 0) onSent?.(result);
      return result;
    } finally {
      setSending(false);
      refresh();
    }
  }, [queue, session.api, refresh, onSent]);

  useEffect(() => {
    void flush();
    const onOnline = () => void flush();
    // Back in the app (the phone was in a pocket): try again.
    const onVisible = () => document.visibilityState === 'visible' && void flush();
    // Another tab of the same phone changed the queue.
    const onStorage = (event: StorageEvent) => event.key === queue.storageKey && refresh();
    // A weak signal coming back fires no `online` event (the phone never thought it was offline):
    // while something waits, try again every little while (one flush at a time, see visit-queue.ts).
    const timer = window.setInterval(() => {
      if (queue.items().length > 0 && navigator.onLine) void flush();
    }, RETRY_EVERY_MS);
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('storage', onStorage);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('storage', onStorage);
    };
    // Once per queue: `flush` changes with `onSent`, which pages may not memoise.
  }, [queue]);

  const dismiss = useCallback(
    (id: string) => {
      queue.dismissFailure(id);
      refresh();
    },
    [queue, refresh],
  );

  return { queue, items, failures, sending, lastError, flush, refresh, dismiss };
}

/** 待发送: what is queued on this phone, 立即发送, and what the API refused (until dismissed). */
export function VisitQueueBanner({ state }: { state: VisitQueueState }) {
  const { items, failures, sending, lastError } = state;
  if (items.length === 0 && failures.length === 0) return null;
  return (
    <section className="f-section f-queue" data-testid="visit-queue" aria-live="polite">
      {items.length > 0 && (
        <>
          <div className="f-row">
            <h2 className="f-queue-title">
              待发送 <span data-testid="queue-count">{items.length}</span> 条
            </h2>
            <button type="button" className="f-button f-button-small" onClick={() => void state.flush()} disabled={sending} data-testid="queue-send">
              {sending ? '正在发送…' : '立即发送'}
            </button>
          </div>
          <p className="f-muted">网络恢复后自动发送，按原始时间登记，不会重复。</p>
          <ul className="f-queue-list">
            {items.map((item) => (
              <li key={item.id} data-testid="queue-item" data-kind={item.kind}>
                <span className="f-badge f-badge-pending">待发送</span> {QUEUE_KIND_LABELS[item.kind]} · {item.villageName} · {formatDateTime(item.body.at)}
                {item.kind === 'check-in' && item.body.makeUp && ' · 补课'}
              </li>
            ))}
          </ul>
          {lastError && !sending && <p className="f-muted" data-testid="queue-error">上次发送未成功：{lastError}</p>}
        </>
      )}
      {failures.map((failure) => (
        <div key={failure.id} className="f-error" role="alert" data-testid="queue-failure">
          {QUEUE_KIND_LABELS[failure.kind]}（{failure.villageName}，{formatDateTime(failure.at)}）未被接受：{failure.message}
          <button type="button" className="f-linkbutton f-queue-dismiss" onClick={() => state.dismiss(failure.id)}>
            知道了
          </button>
        </div>
      ))}
    </section>
  );
}
