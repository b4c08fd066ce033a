import type { CheckInInput, CheckOutInput, Visit } from '@beatlink/shared';
import type { ApiClient } from '../api-client';
import { ApiError, describeError } from '../api-error';

/**
 * The phone's offline queue of visits (入村签到 / 签退 without a signal). A check-in or check-out
 * that cannot reach the API is kept in the browser (localStorage) with its phone time and an
 * Idempotency-Key made before the first attempt, and sent later — on the `online` event, on page
 * load, or by 立即发送 — in the order it was made. Every resend carries the same key and the same
 * body, so the API stores it once even when an earlier attempt did arrive and only its answer was
 * lost. A check-out of a check-in still in the queue waits for that check-in's visit id (a new
 * visit is version 1).
 *
 * What happens to an item that fails:
 * - no answer (network), 401 (signed out: sent after signing in again), 408, 429, 5xx, or the
 *   API's "same request still in progress" 409: it stays, and the flush stops there (in order);
 * - any other answer (400, 403, 404, 409, 422): the API will never take it; it is removed, with
 *   the check-outs chained to it, and the error is kept to show until dismissed.
 * Nothing is removed on reload: the queue is read from storage every time.
 */

export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface Base {
  /** Local id of the queued item. */
  id: string;
  /** The Idempotency-Key, the same on every attempt. */
  key: string;
  /** The village's name, for the list. */
  villageName: string;
  queuedAt: string;
  attempts: number;
  lastError?: string;
}

export interface QueuedCheckIn extends Base {
  kind: 'check-in';
  body: CheckInInput;
}

export interface QueuedCheckOut extends Base {
  kind: 'check-out';
  body: CheckOutInput;
  /** The visit checked out of, once known. */
  visitId?: string;
  /** The queued check-in this check-out waits for (until it is sent). */
  afterId?: string;
}

export type QueueItem = QueuedCheckIn | QueuedCheckOut;

/** An item the API refused for good: shown until the officer dismisses it. */
export interface QueueFailure {
  id: string;
  kind: QueueItem['kind'];
  villageName: string;
  /** The phone time of the refused check-in or check-out. */
  at: string;
  message: string;
}

interface QueueState {
  items: QueueItem[];
  failures: QueueFailure[];
}

export interface FlushResult {
  sent: Array<{ item: QueueItem; visit: Visit }>;
  failed: QueueFailure[];
  /** Items still queued. */
  remaining: number;
  /** Why the flush stopped early (no network…), if it did. */
  stoppedBy?: string;
}

/** The storage key of one user's queue: a phone shared by two officers never sends one's visits with the other's sign-in. */
export function queueStorageKey(me: { tenantId?: string; username: string }): string {
  return `beatlink.field.visit-queue.${me.tenantId ?? '-'}.${me.username}`;
}

export function newVisitKey(random: () => string = () => crypto.randomUUID()): string {
  return `visit-${random()}`;
}

/** Whether an attempt may succeed later (keep the item) rather than never (drop it). */
export function isRetryable(error: unknown): boolean {
  // Not an answer of the API (the token could not be refreshed offline, …): try again later.
  if (!(error instanceof ApiError)) return true;
  const { status } = error;
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return true;
  // A transient conflict (another write in the county at the same moment): the API says when to retry.
  if (status === 409 && error.retryAfter !== undefined) return true;
  if (status === 409 && error.details.some((d) => d.path === 'Idempotency-Key')) {
    return /处理中|in progress/i.test(`${error.message} ${error.details.map((d) => d.message).join(' ')}`);
  }
  return false;
}

/** The one flush running per queue in this tab (the `online` event, page load and 立即发送 may coincide). */
const running = new Map<string, Promise<FlushResult>>();

export class VisitQueue {
  private readonly storage: QueueStorage;
  readonly storageKey: string;
  private readonly now: () => Date;
  private readonly newKey: () => string;

  constructor(options: { storage: QueueStorage; storageKey: string; now?: () => Date; newKey?: () => string }) {
    this.storage = options.storage;
    this.storageKey = options.storageKey;
    this.now = options.now ?? (() => new Date());
    this.newKey = options.newKey ?? (() => newVisitKey());
  }

  private read(): QueueState {
    try {
      const raw = this.storage.getItem(this.storageKey);
      const parsed = raw ? (JSON.parse(raw) as Partial<QueueState>) : {};
      return { items: Array.isArray(parsed.items) ? parsed.items : [], failures: Array.isArray(parsed.failures) ? parsed.failures : [] };
    } catch {
      return { items: [], failures: [] };
    }
  }

  /** Read, change, write at once (storage is synchronous: nothing runs in between). Throws when the storage refuses. */
  private update(change: (state: QueueState) => void): QueueState {
    const state = this.read();
    change(state);
    this.storage.setItem(this.storageKey, JSON.stringify(state));
    return state;
  }

  items(): QueueItem[] {
    return this.read().items;
  }

  failures(): QueueFailure[] {
    return this.read().failures;
  }

  /**
   * Queues a check-in. `key` is the Idempotency-Key of the attempt that got no answer (it may have
   * arrived): the queued one must use the same.
   */
  enqueueCheckIn(body: CheckInInput, villageName: string, key?: string): QueuedCheckIn {
    const item: QueuedCheckIn = { kind: 'check-in', id: this.newKey(), key: key ?? this.newKey(), body, villageName, queuedAt: this.now().toISOString(), attempts: 0 };
    this.update((state) => void state.items.push(item));
    return item;
  }

  /** Queues a check-out of a visit (`visitId`) or of a queued check-in (`afterId`; its visit is version 1). */
  enqueueCheckOut(target: { visitId: string } | { afterId: string }, body: CheckOutInput, villageName: string, key?: string): QueuedCheckOut {
    const item: QueuedCheckOut = {
      kind: 'check-out',
      id: this.newKey(),
      key: key ?? this.newKey(),
      body: 'afterId' in target ? { ...body, version: 1 } : body,
      ...target,
      villageName,
      queuedAt: this.now().toISOString(),
      attempts: 0,
    };
    this.update((state) => {
      if ('afterId' in target && !state.items.some((i) => i.id === target.afterId && i.kind === 'check-in')) {
        throw new Error('签到记录已不在待发送队列中，请刷新页面');
      }
      state.items.push(item);
    });
    return item;
  }

  /** The queued check-in not yet followed by a queued check-out: the visit running on this phone only. */
  pendingCheckIn(): QueuedCheckIn | undefined {
    const items = this.items();
    const checkIns = items.filter((i): i is QueuedCheckIn => i.kind === 'check-in');
    return checkIns.reverse().find((ci) => !items.some((i) => i.kind === 'check-out' && i.afterId === ci.id));
  }

  /** The queued check-out of a visit already on the server, if any. */
  queuedCheckOutOf(visitId: string): QueuedCheckOut | undefined {
    return this.items().find((i): i is QueuedCheckOut => i.kind === 'check-out' && i.visitId === visitId);
  }

  dismissFailure(id: string): void {
    this.update((state) => {
      state.failures = state.failures.filter((f) => f.id !== id);
    });
  }

  /** Sends the queue in order (one flush at a time per queue in this tab). */
  flush(api: Pick<ApiClient, 'post'>): Promise<FlushResult> {
    const busy = running.get(this.storageKey);
    if (busy) return busy;
    const run = this.send(api).finally(() => running.delete(this.storageKey));
    running.set(this.storageKey, run);
    return run;
  }

  private async send(api: Pick<ApiClient, 'post'>): Promise<FlushResult> {
    const result: FlushResult = { sent: [], failed: [], remaining: 0 };
    for (;;) {
      const item = this.read().items[0];
      if (!item) break;
      if (item.kind === 'check-out' && !item.visitId) {
        // Its check-in is gone without a visit id: cannot happen through this class; never send blind.
        this.drop(item, '对应的签到未能保存，签退未发送', result);
        continue;
      }
      try {
        const visit =
          item.kind === 'check-in'
            ? await api.post<Visit>('/visits', item.body, { idempotencyKey: item.key })
            : await api.post<Visit>(`/visits/${encodeURIComponent(item.visitId!)}/check-out`, item.body, { idempotencyKey: item.key });
        this.update((state) => {
          state.items = state.items.filter((i) => i.id !== item.id);
          if (item.kind === 'check-in') {
            for (const other of state.items) {
              if (other.kind === 'check-out' && other.afterId === item.id) {
                other.visitId = visit.id;
                delete other.afterId;
              }
            }
          }
        });
        result.sent.push({ item, visit });
      } catch (error) {
        const message = describeError(error);
        if (isRetryable(error)) {
          this.update((state) => {
            const kept = state.items.find((i) => i.id === item.id);
            if (kept) {
              kept.attempts += 1;
              kept.lastError = message;
            }
          });
          result.stoppedBy = message;
          break;
        }
        this.drop(item, message, result);
      }
    }
    result.remaining = this.items().length;
    return result;
  }

  /** Removes a refused item and the check-outs waiting for it, keeping why. */
  private drop(item: QueueItem, message: string, result: FlushResult): void {
    const failures: QueueFailure[] = [];
    this.update((state) => {
      const chained = state.items.filter((i) => i.kind === 'check-out' && i.afterId === item.id);
      state.items = state.items.filter((i) => i.id !== item.id && !chained.includes(i));
      failures.push({ id: item.id, kind: item.kind, villageName: item.villageName, at: item.body.at, message });
      for (const c of chained) failures.push({ id: c.id, kind: c.kind, villageName: c.villageName, at: c.body.at, message: '签到未被接受，此次签退未发送' });
      state.failures.push(...failures);
    });
    result.failed.push(...failures);
  }
}

/** Whether a failed direct attempt should go to the queue (no signal, or the API is briefly unavailable). */
export function shouldQueue(error: unknown, online: boolean): boolean {
  return !online || isRetryable(error);
}

/** `签到` / `签退` for the lists. */
export const QUEUE_KIND_LABELS: Record<QueueItem['kind'], string> = { 'check-in': '签到', 'check-out': '签退' };
