import { getAuditHead, moveAuditHeadOp, putAuditEntryOp, queryAuditItems, readAuditHeadItem } from '../../data/audit';
import { runTransaction, type TxOp } from '../../data/repository';
import { AppError } from '../../lib/app-error';
import { isoNow, systemClock, type Clock } from '../../lib/clock';
import type { TenantContext } from '../../lib/tenant-context';
import { chainEntries, createChainVerifier, type AuditActor, type AuditEntryInput, type ChainVerdict } from './chain';

export type { AuditAction, AuditActor, AuditEntry, AuditEntryInput, AuditHead, AuditRecordRef, AuditSummary, ChainProblem, ChainVerdict } from './chain';
export { AUDIT_ACTIONS, changedFieldNames } from './chain';

/**
 * The audit log (issue #4 point 7): per county an append-only, hash-chained list of who did what
 * to which record — every reveal of personal data, every change to an audited record. See
 * chain.ts for the hashing and the checks.
 *
 * Appending is part of the caller's transaction, so an action and its entry commit together or
 * not at all. The head moves conditionally on the seq it was read at: of two appends that read
 * the same head, one commits and the other's WHOLE transaction fails with a retryable 409
 * CONFLICT (`isRetryableConflict`). Callers retry by building their ops again
 * (`runAuditedTransaction` does that), which reads the new head. Appends of one county are
 * therefore serialised on its head item; that is the price of a single total order per county,
 * and fine for the rate at which people reveal and change records.
 */

/** A transaction holds the caller's items plus the head and the entries: keep it to a few. */
export const MAX_AUDIT_ENTRIES_PER_APPEND = 10;

const concurrentAppend = (): AppError =>
  new AppError('CONFLICT', '审计日志正被同时写入，请重试 / the audit log is being appended to concurrently, retry', {
    details: [{ path: 'audit', message: '并发写入 / concurrent append' }],
    retryAfter: 1,
  });

/** The actor of an entry: who the caller is, from the verified token. */
export function auditActor(ctx: Pick<TenantContext, 'username' | 'name' | 'roles'>): AuditActor {
  return { username: ctx.username, name: ctx.name, roles: [...ctx.roles] };
}

/**
 * The ops that append `entries` to the county's chain: the head moved from the seq just read,
 * then one conditional put per entry. Put them AFTER the caller's own ops: when both the caller's
 * condition (a stale version) and the head fail, the caller's error is the one reported.
 */
export async function auditAppendOps(tenantId: string, entries: readonly AuditEntryInput[], clock: Clock = systemClock): Promise<TxOp[]> {
  if (entries.length === 0) return [];
  if (entries.length > MAX_AUDIT_ENTRIES_PER_APPEND) throw new Error(`${entries.length} audit entries in one append (at most ${MAX_AUDIT_ENTRIES_PER_APPEND})`);
  const at = isoNow(clock);
  const head = await getAuditHead(tenantId);
  const chained = chainEntries(tenantId, head, entries, at);
  const last = chained[chained.length - 1]!;
  return [moveAuditHeadOp(tenantId, head?.seq, { seq: last.seq, hash: last.hash }, at, concurrentAppend()), ...chained.map((entry) => putAuditEntryOp(entry, concurrentAppend()))];
}

/** The signature of auditAppendOps (a fake in unit tests). */
export type AuditAppender = typeof auditAppendOps;

/**
 * A 409 worth building the transaction again for: another append took the seq (or DynamoDB saw a
 * concurrent transaction on the same items). A stale version or a clash of ids is not one.
 */
export function isRetryableConflict(error: unknown): boolean {
  const e = error as Partial<AppError> | undefined;
  return e?.name === 'AppError' && e.code === 'CONFLICT' && e.retryAfter !== undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MAX_BACKOFF_MS = 800;

/**
 * Builds the ops (reading the head afresh each time) and commits them, again after a short random
 * pause (growing with each attempt) when a concurrent append won. `attempts: 2` = one retry.
 */
export async function runAuditedTransaction(build: () => Promise<TxOp[]>, options: { attempts?: number } = {}): Promise<void> {
  const attempts = options.attempts ?? 2;
  for (let attempt = 1; ; attempt++) {
    const ops = await build();
    try {
      await runTransaction(ops);
      return;
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      // Full jitter, capped: contenders spread out instead of colliding again in step.
      await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 25 * 2 ** attempt));
    }
  }
}

/**
 * Attempts for a change of an audited record: the record's own ops are already decided, only the
 * head can have moved, so a few more retries than a reveal's are cheap and spare the user a 409
 * when colleagues in the county write at the same moment.
 */
export const CHANGE_ATTEMPTS = 8;

/**
 * Commits a change of audited records (issue #4 point 7) together with its audit entries: the
 * caller's ops first (their own conditions — a stale version — are the errors reported), then the
 * head and the entries, rebuilt from a fresh head on each retry.
 */
/** The signature of commitAudited (a fake in unit tests of the services that commit through it). */
export type AuditedCommit = (tenantId: string, ops: readonly TxOp[], entries: readonly AuditEntryInput[], clock: Clock) => Promise<void>;

export function commitAudited(tenantId: string, ops: readonly TxOp[], entries: readonly AuditEntryInput[], clock: Clock = systemClock): Promise<void> {
  return runAuditedTransaction(async () => [...ops, ...(await auditAppendOps(tenantId, entries, clock))], { attempts: CHANGE_ATTEMPTS });
}

/** Appends entries in a transaction of their own (for actions that write nothing else). */
export function appendAudit(tenantId: string, entries: readonly AuditEntryInput[], options: { clock?: Clock; attempts?: number } = {}): Promise<void> {
  return runAuditedTransaction(() => auditAppendOps(tenantId, entries, options.clock), { attempts: options.attempts });
}

/** Entries per Query page while verifying: memory stays constant however long the chain. */
const VERIFY_PAGE = 500;

/**
 * Checks the county's whole chain: every hash, every link, seqs contiguous from 1, the head on the
 * last entry. The first problem is reported with its seq.
 *
 * This reads the entire chain (paged Query, consistent reads) — it is a verification tool for
 * operators (`npm run audit -- verify`), never called on a request path. The head is read first
 * and only entries up to its seq are checked, so appends that commit meanwhile are not mistaken
 * for tampering.
 */
export async function verifyAuditChain(tenantId: string): Promise<ChainVerdict> {
  const head = await readAuditHeadItem(tenantId);
  const headSeq = head && typeof head.seq === 'number' && Number.isInteger(head.seq) && head.seq > 0 ? head.seq : undefined;
  const verifier = createChainVerifier(tenantId);
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryAuditItems(tenantId, { limit: VERIFY_PAGE, ...(headSeq === undefined ? {} : { toSeq: headSeq }), ...(startKey ? { startKey } : {}) });
    for (const stored of page.items) {
      const failure = verifier.add(stored);
      if (failure) return failure;
    }
    startKey = page.nextKey;
  } while (startKey);
  return verifier.finish(head);
}

/** An entry as listed: what is stored, tampered or not (the list does not verify). */
export type ListedAuditEntry = Record<string, unknown> & { seq?: unknown };

/** The newest `limit` entries, newest first (one Query, for the CLI and the tests). */
export async function listAuditEntries(tenantId: string, options: { limit?: number } = {}): Promise<ListedAuditEntry[]> {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 1000);
  const page = await queryAuditItems(tenantId, { limit, reverse: true });
  return page.items.map((stored) => stored.item);
}
