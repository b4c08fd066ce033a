import { DEFAULT_MATTER_CONFIG, addHours, type MatterConfig } from '@beatlink/shared';
import type { StoredMatter } from '@beatlink/functions/data/matters';
import type * as MatterData from '@beatlink/functions/data/matters';
import type * as MatterEntities from '@beatlink/functions/data/entities/matters';
import type * as Supervision from '@beatlink/functions/services/matters/supervision';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import type { TestStack } from '../support/stack';
import { benchMatter as baseMatter } from './bench-matter';
import { bulkPut } from './bulk-load';
import { summarize, type Summary } from './stats';

/**
 * The supervision job (督导) with history vs without: two fresh county partitions with the same
 * 5,000 open matters (running deadlines), one of them also holding 100,000 closed matters. The job
 * reads the deadline index (gsi4) up to `at + remindBeforeHours`, so closed matters — not in that
 * index — must not change its time: the ratio should be ≈ 1. Runs alternate between the two
 * counties (and which goes first), so the noise of this shared machine hits both alike.
 *
 * What one measured run does: it reads all the open matters (every running deadline lies at or
 * before `at + remindBeforeHours`, up to 4 days overdue) and plans each; all but 20 are in their
 * steady state (reminded / marked overdue / at the rung their overdue hours allow, so nothing is
 * due), and a fixed 20 are due (10 reminders, 10 overdue + urge + escalation), reset before every
 * run. So the time is the index read and planning of 5,000 matters plus 20 transactions — the
 * same work in every run. Data is written straight into the table (BatchWrite, 25 items, a few
 * in flight) with the entity formatting and index keys the API would write.
 */
export interface SupervisionBenchOptions {
  /** The county without history and the county with it (fresh partitions, e.g. 379901, 379902). */
  tenants: { withoutHistory: string; withHistory: string };
  open: number;
  closed: number;
  due: number;
  rounds: number;
  concurrency: number;
}

export interface SupervisionBenchResult {
  /** What one measured run does. */
  measures: string;
  options: SupervisionBenchOptions;
  at: string;
  scanned: { withoutHistory: number; withHistory: number };
  withoutHistory: Summary;
  withHistory: Summary;
  /** p50 with history ÷ p50 without. */
  ratio: number;
  seeding: { openMs: number; closedMs: number; closedItemsPerSecond: number };
}

const AT = '2031-03-02T01:00:00.000Z';

/** Imported once the handler environment is set (the data modules read it at import). */
type Data = {
  matters: typeof MatterData;
  entities: typeof MatterEntities;
  supervision: typeof Supervision;
};

async function loadData(): Promise<Data> {
  return {
    matters: await import('@beatlink/functions/data/matters'),
    entities: await import('@beatlink/functions/data/entities/matters'),
    supervision: await import('@beatlink/functions/services/matters/supervision'),
  };
}

/** Writes matters with the index keys the API would write. */
const putMatters = (data: Data, items: StoredMatter[], concurrency: number) =>
  bulkPut(data.entities.MatterEntity, items.map((m) => ({ ...m, ...data.matters.matterIndexKeys(m.tenantId, m) })), concurrency);

/** The matter as repeated runs at `at` leave it: nothing more is due. */
function steadyState(data: Data, matter: StoredMatter, config: MatterConfig): StoredMatter {
  let m = matter;
  for (let i = 0; i < 20; i++) {
    const plan = data.supervision.planSupervision(m, AT, config);
    if (!plan.next) return m;
    m = { ...plan.next, version: matter.version, updatedAt: matter.updatedAt, updatedBy: matter.updatedBy };
  }
  throw new Error('supervision does not settle');
}

/** An open matter whose running deadline lies between 96 h before `at` and the reminder window's end. */
function openMatter(tenantId: string, i: number, n: number, config: MatterConfig): StoredMatter {
  const deadline = addHours(AT, -96 + ((96 + config.remindBeforeHours) * (i + 0.5)) / n);
  const assignedAt = addHours(deadline, -8);
  const m = baseMatter(tenantId, i, addHours(assignedAt, -1));
  return i % 2 === 0
    ? { ...m, status: 'assigned', assignedAt, acceptBy: deadline, feedbackBy: addHours(deadline, 64) }
    : { ...m, status: 'accepted', assignedAt: addHours(deadline, -72), acceptBy: addHours(deadline, -64), acceptedAt: addHours(deadline, -70), feedbackBy: deadline };
}

/** The due ones, unmarked, with a version and assignment time of this round (fresh ids each round). */
function dueMatters(matters: StoredMatter[], round: number, config: MatterConfig): StoredMatter[] {
  return matters.map((m, i) => {
    const deadline = i % 2 === 0 ? addHours(AT, config.remindBeforeHours / 2) : addHours(AT, -0.1);
    return { ...m, status: 'assigned', acceptBy: deadline, feedbackBy: addHours(deadline, 64), assignedAt: addHours(deadline, -8 + round / 3_600_000), version: 100 + round, supervision: { escalationLevel: 0, urgeCount: 0 } };
  });
}

function closedMatter(tenantId: string, i: number, n: number): StoredMatter {
  // Taken in over the year before `at`, assigned, worked and closed.
  const createdAt = addHours(AT, -24 * 365 + ((24 * 360) * i) / n);
  const assignedAt = addHours(createdAt, 1);
  return {
    ...baseMatter(tenantId, i, createdAt),
    status: 'closed_resolved',
    assignedAt,
    acceptBy: addHours(assignedAt, 8),
    feedbackBy: addHours(assignedAt, 72),
    acceptedAt: addHours(assignedAt, 2),
    feedback: { outcome: 'resolved', note: '已处理完毕', at: addHours(assignedAt, 30), by: '基准测试', attachmentIds: [] },
    verification: { satisfied: true, method: 'phone', at: addHours(assignedAt, 40), by: '基准测试' },
    outcome: 'resolved',
    closedAt: addHours(assignedAt, 41),
    version: 7,
  };
}

type Phase = 'withoutHistory' | 'withHistory';

/** Supervises one county at `at` after resetting its due matters; checks it did the expected work. */
async function timedRun(data: Data, tenantId: string, opts: SupervisionBenchOptions, due: StoredMatter[], round: number, config: MatterConfig) {
  await putMatters(data, dueMatters(due, round, config), 1);
  const started = performance.now();
  const counts = await data.supervision.superviseTenant(tenantId, AT, { rules: { config, timeZone: 'Asia/Shanghai' } });
  const ms = performance.now() - started;
  if (counts.scanned !== opts.open || counts.reminded + counts.overdue !== due.length || counts.skipped !== 0) {
    throw new Error(`unexpected supervision counts for ${tenantId}: ${JSON.stringify(counts)} (open ${opts.open}, due ${due.length})`);
  }
  return { ms, scanned: counts.scanned };
}

export async function benchSupervision(stack: TestStack, opts: SupervisionBenchOptions, log: (line: string) => void = console.log): Promise<SupervisionBenchResult> {
  applyHandlerEnv(stack.config);
  const data = await loadData();
  const config = DEFAULT_MATTER_CONFIG;
  const phases: Phase[] = ['withoutHistory', 'withHistory'];

  let started = performance.now();
  const dueIndexes = new Set(Array.from({ length: opts.due }, (_, k) => Math.floor((k * opts.open) / opts.due)));
  const due = {} as Record<Phase, StoredMatter[]>;
  for (const phase of phases) {
    const open = Array.from({ length: opts.open }, (_, i) => steadyState(data, openMatter(opts.tenants[phase], i, opts.open, config), config));
    due[phase] = open.filter((_, i) => dueIndexes.has(i));
    await putMatters(data, open, opts.concurrency);
  }
  const openMs = performance.now() - started;
  log(`supervision bench: ${opts.open} open matters in each of ${opts.tenants.withoutHistory} and ${opts.tenants.withHistory} written in ${(openMs / 1000).toFixed(1)} s`);

  started = performance.now();
  const batch = 5_000;
  for (let from = 0; from < opts.closed; from += batch) {
    const items = Array.from({ length: Math.min(batch, opts.closed - from) }, (_, k) => closedMatter(opts.tenants.withHistory, from + k, opts.closed));
    await putMatters(data, items, opts.concurrency);
    if ((from + batch) % 20_000 === 0) log(`supervision bench: ${from + batch} closed matters written`);
  }
  const closedMs = performance.now() - started;
  log(`supervision bench: ${opts.closed} closed matters written in ${(closedMs / 1000).toFixed(1)} s`);

  const times: Record<Phase, number[]> = { withoutHistory: [], withHistory: [] };
  const scanned: Record<Phase, number> = { withoutHistory: 0, withHistory: 0 };
  // A warm-up round, then the measured ones; the order within a round alternates.
  for (let round = 0; round <= opts.rounds; round++) {
    for (const phase of round % 2 === 0 ? phases : [...phases].reverse()) {
      const run = await timedRun(data, opts.tenants[phase], opts, due[phase], round, config);
      scanned[phase] = run.scanned;
      if (round > 0) times[phase].push(run.ms);
    }
  }
  const withoutHistory = summarize(times.withoutHistory);
  const withHistory = summarize(times.withHistory);
  return {
    measures: `one superviseTenant run at ${AT}: Query of the deadline index reading all ${opts.open} open matters, planning each, and recording ${opts.due} due ones (reset before every run: half reminders, half overdue + urge + escalation); the other matters are already in their steady state`,
    options: opts,
    at: AT,
    scanned,
    withoutHistory,
    withHistory,
    ratio: Math.round((withHistory.p50Ms / withoutHistory.p50Ms) * 100) / 100,
    seeding: { openMs: Math.round(openMs), closedMs: Math.round(closedMs), closedItemsPerSecond: Math.round(opts.closed / (closedMs / 1000)) },
  };
}
