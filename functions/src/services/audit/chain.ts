import { createHash } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json';

/*
 * The audit chain, pure: how an entry is hashed, how new entries are chained onto the head, and
 * how a stored chain is checked. No I/O here — audit-log.ts reads and writes the table.
 *
 * Entry n stores prevHash = hash of entry n-1 (GENESIS_HASH for entry 1) and
 * hash = SHA-256(canonical JSON of the entry's HASHED_FIELDS), prevHash included. So editing an
 * entry breaks its own hash, re-hashing an edited entry breaks the next entry's link, and removing
 * an entry leaves a gap in the seqs (or a head that points past the last entry).
 *
 * What a hash chain alone cannot catch: someone who can write the table rewriting the whole tail
 * (entries and head) consistently, or deleting everything. Against that the head hash must be
 * kept somewhere else too (the verify CLI prints it for that purpose).
 */

/** The `prevHash` of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

/** What was done. Add to this list as new records get audited (issue #4). */
export const AUDIT_ACTIONS = [
  'reveal',
  'create',
  'update',
  'deactivate',
  'reactivate',
  'approve',
  'reject',
  'verify',
  'link',
  'unlink',
  'delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditActor {
  username: string;
  name: string;
  roles: string[];
}

/** The record acted on: `{ kind: 'matter', id: 'mat_…' }`. */
export interface AuditRecordRef {
  kind: string;
  id: string;
}

export type AuditValue = string | number | boolean | null | string[];

/**
 * What changed: field NAMES and non-personal values (a status, a grade, an id, a count) — never a
 * phone, an ID number, a name of a resident or free text. E.g. `{ changed: ['status'], status: 'verified' }`.
 */
export type AuditSummary = Record<string, AuditValue>;

/** One entry to append, before it has a place in the chain. */
export interface AuditEntryInput {
  actor: AuditActor;
  action: AuditAction;
  record: AuditRecordRef;
  summary?: AuditSummary;
  /** When it happened (ISO-8601 UTC); defaults to the append's clock. */
  at?: string;
}

/** An entry as stored (`T#<t>#AUDIT` / `<seq, 12 digits>`). */
export interface AuditEntry {
  tenantId: string;
  seq: number;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  record: AuditRecordRef;
  summary: AuditSummary;
  prevHash: string;
  hash: string;
}

/** The chain's head (`T#<t>#AUDIT_HEAD` / `HEAD`): the last entry's seq and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** The fields the hash covers: everything of the entry but the hash itself (storage keys aside). */
export const HASHED_FIELDS = ['tenantId', 'seq', 'at', 'actor', 'action', 'record', 'summary', 'prevHash'] as const;

/**
 * SHA-256 (hex) of the canonical JSON of the entry's HASHED_FIELDS. Takes any object, so a stored
 * item with extra or missing attributes can be checked as it is.
 */
export function auditEntryHash(entry: object): string {
  const content = Object.fromEntries(HASHED_FIELDS.map((field) => [field, (entry as Record<string, unknown>)[field]]));
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/* ---------------------------------------------------------------- building entries */

const KIND = /^[a-z][a-z0-9_]{0,39}$/;
const SUMMARY_KEY = /^[A-Za-z][A-Za-z0-9_.]{0,79}$/;
const MAX_SUMMARY_KEYS = 40;
const MAX_SUMMARY_STRING = 200;

/**
 * Values that look like personal data: a mobile number, an 18-digit resident ID number, a landline
 * with its area code — each standing alone (not inside an id such as `rvl_01J…`).
 */
const PERSONAL_PATTERNS = [/(?<![\w-])1[3-9]\d{9}(?![\w-])/, /(?<![\w-])\d{17}[\dXx](?![\w-])/, /(?<![\w-])0\d{2,3}[-\s]?\d{7,8}(?![\w-])/];

export const looksPersonal = (value: string): boolean => PERSONAL_PATTERNS.some((pattern) => pattern.test(value));

/** A programming error, not a user's: the caller built a summary the audit log must not store. */
export class AuditSummaryError extends Error {
  constructor(message: string) {
    super(`audit summary refused: ${message}`);
    this.name = 'AuditSummaryError';
  }
}

function checkString(key: string, value: string): void {
  if (value.length > MAX_SUMMARY_STRING) throw new AuditSummaryError(`${key} is ${value.length} characters long: field names and short codes only, no free text`);
  if (looksPersonal(value)) throw new AuditSummaryError(`${key} looks like a phone or an ID number: personal data never goes into the audit log`);
}

/** A plain JSON copy of the summary, refused when it could carry personal data in clear. */
export function checkedSummary(summary: AuditSummary | undefined): AuditSummary {
  const copy: AuditSummary = {};
  const entries = Object.entries(summary ?? {}).filter(([, value]) => value !== undefined);
  if (entries.length > MAX_SUMMARY_KEYS) throw new AuditSummaryError(`${entries.length} keys (at most ${MAX_SUMMARY_KEYS})`);
  for (const [key, value] of entries) {
    if (!SUMMARY_KEY.test(key)) throw new AuditSummaryError(`bad key ${JSON.stringify(key)}`);
    if (Array.isArray(value)) {
      if (!value.every((v) => typeof v === 'string')) throw new AuditSummaryError(`${key} must be a list of strings`);
      value.forEach((v) => checkString(key, v));
      copy[key] = [...value];
    } else if (typeof value === 'string') {
      checkString(key, value);
      copy[key] = value;
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new AuditSummaryError(`${key} is not a finite number`);
      copy[key] = value;
    } else if (typeof value === 'boolean' || value === null) {
      copy[key] = value;
    } else {
      throw new AuditSummaryError(`${key} must be a string, number, boolean, null or list of strings`);
    }
  }
  return copy;
}

/** Names of the top-level fields whose values differ (deep), sorted: for `summary.changed`. */
export function changedFieldNames(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, ignore: readonly string[] = []): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !ignore.includes(key) && canonicalJson(before[key]) !== canonicalJson(after[key])).sort();
}

/**
 * The entries that follow `head` (undefined: an empty chain), numbered, linked and hashed.
 * Throws AuditSummaryError for a summary that could hold personal data.
 */
export function chainEntries(tenantId: string, head: AuditHead | undefined, inputs: readonly AuditEntryInput[], at: string): AuditEntry[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return inputs.map((input) => {
    if (!KIND.test(input.record.kind)) throw new AuditSummaryError(`bad record kind ${JSON.stringify(input.record.kind)}`);
    if (!input.record.id) throw new AuditSummaryError('record id missing');
    seq += 1;
    const unhashed: Omit<AuditEntry, 'hash'> = {
      tenantId,
      seq,
      at: input.at ?? at,
      actor: { username: input.actor.username, name: input.actor.name, roles: [...input.actor.roles] },
      action: input.action,
      record: { kind: input.record.kind, id: input.record.id },
      summary: checkedSummary(input.summary),
      prevHash,
    };
    const entry: AuditEntry = { ...unhashed, hash: auditEntryHash(unhashed) };
    prevHash = entry.hash;
    return entry;
  });
}

/* ---------------------------------------------------------------- verification */

export type ChainProblem = 'hash_mismatch' | 'missing_entry' | 'broken_link' | 'head_mismatch';

export type ChainVerdict =
  | { ok: true; entries: number; head?: AuditHead }
  /** `entries`: how many entries before `atSeq` checked out. */
  | { ok: false; atSeq: number; problem: ChainProblem; entries: number };

/** An item of the chain as read from the table: where it is stored (the seq of its sort key) and what it holds. */
export interface StoredAuditItem {
  position: number;
  item: Readonly<Record<string, unknown>>;
}

export interface ChainVerifier {
  /** Checks the next stored item, in sort-key order; returns the first problem (and keeps returning it). */
  add(stored: StoredAuditItem): Extract<ChainVerdict, { ok: false }> | undefined;
  /** After the last item: the head must name the last entry (none for an empty chain). */
  finish(head: Readonly<Record<string, unknown>> | undefined): ChainVerdict;
}

/**
 * Checks a chain item by item, so a long chain is verified page by page in constant memory.
 * Per entry, in this order: it is at the next seq (else `missing_entry` at the seq expected), its
 * hash recomputes and it is the entry of this tenant and seq (else `hash_mismatch`), its prevHash
 * is the previous entry's hash (else `broken_link`).
 */
export function createChainVerifier(tenantId: string): ChainVerifier {
  let checked = 0;
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  let failure: Extract<ChainVerdict, { ok: false }> | undefined;
  const fail = (atSeq: number, problem: ChainProblem) => (failure = { ok: false, atSeq, problem, entries: checked });

  return {
    add({ position, item }) {
      if (failure) return failure;
      const expected = lastSeq + 1;
      if (position !== expected) return fail(expected, 'missing_entry');
      if (item.tenantId !== tenantId || item.seq !== position || typeof item.hash !== 'string' || auditEntryHash(item) !== item.hash) {
        return fail(position, 'hash_mismatch');
      }
      if (item.prevHash !== lastHash) return fail(position, 'broken_link');
      checked += 1;
      lastSeq = position;
      lastHash = item.hash;
      return undefined;
    },
    finish(head) {
      if (failure) return failure;
      if (!head) return checked === 0 ? { ok: true, entries: 0 } : fail(lastSeq, 'head_mismatch');
      const seq = head.seq;
      if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) return fail(Math.max(lastSeq, 1), 'head_mismatch');
      // The head proves entries up to its seq were written: the missing ones were removed.
      if (seq > lastSeq) return fail(lastSeq + 1, 'missing_entry');
      // Entries past the head were not written by an append (it moves the head in the same transaction).
      if (seq < lastSeq) return fail(seq + 1, 'head_mismatch');
      if (head.hash !== lastHash) return fail(lastSeq, 'head_mismatch');
      return { ok: true, entries: checked, head: { seq, hash: lastHash } };
    },
  };
}

/** The whole check over an in-memory chain (sorted by position). */
export function verifyChain(tenantId: string, items: Iterable<StoredAuditItem>, head: Readonly<Record<string, unknown>> | undefined): ChainVerdict {
  const verifier = createChainVerifier(tenantId);
  for (const stored of items) {
    const failure = verifier.add(stored);
    if (failure) return failure;
  }
  return verifier.finish(head);
}
