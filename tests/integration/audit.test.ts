import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { MatterCreated, Page, Village } from '@beatlink/shared';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import { runAuditCommand } from '@beatlink/infra/local/audit-cli';
import type * as AuditLog from '@beatlink/functions/services/audit/audit-log';
import type * as AuditChain from '@beatlink/functions/services/audit/chain';
import type * as Repository from '@beatlink/functions/data/repository';
import type * as Reveals from '@beatlink/functions/data/reveals';
import { apiAs, type ApiClient } from '../support/api';
import '../support/provided';

/**
 * The audit log (issue #4 point 7) on the test stack: reveals through the API land in the
 * county's chain; editing, removing or re-linking an entry is found by `verify` (the service and
 * the CLI's command, run in this process); concurrent appends take distinct seqs.
 *
 * Reveals run in 370211 (the other suites reveal in 370283). The tamper and concurrency tests use
 * counties of their own (3799xx, written directly through the service: no registry needed), so
 * their seqs are known and nobody else appends to them.
 */
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370211';
const TAMPER = '379901';
const RACE = '379902';
const WHOLE = '379903';

const raw = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: config.dynamodbEndpoint, region: config.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
);
const unique = () => randomUUID().slice(0, 8);
const entryKey = (tenantId: string, seq: number) => ({ pk: `T#${tenantId}#AUDIT`, sk: String(seq).padStart(12, '0') });
const headKey = (tenantId: string) => ({ pk: `T#${tenantId}#AUDIT_HEAD`, sk: 'HEAD' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let audit: typeof AuditLog;
let chain: typeof AuditChain;
let repository: typeof Repository;
let reveals: typeof Reveals;

const actor = { username: 'audit.test', name: '审计测试', roles: ['program_office'] };
const entry = (n: number, summary: AuditChain.AuditSummary = { changed: ['status'], status: 'verified' }): AuditChain.AuditEntryInput => ({
  actor,
  action: 'update',
  record: { kind: 'matter', id: `mat_TEST${String(n).padStart(4, '0')}` },
  summary,
});

/** The CLI's `verify`, in this process: exit code and its one line. */
async function cliVerify(tenantId: string): Promise<{ exitCode: number; line: string }> {
  const { exitCode, lines } = await runAuditCommand({ command: 'verify', tenantId }, config);
  expect(lines).toHaveLength(1);
  return { exitCode, line: lines[0]! };
}

beforeAll(async () => {
  applyHandlerEnv(config);
  // Imported after the environment is set: the data modules read it once, at import.
  audit = await import('@beatlink/functions/services/audit/audit-log');
  chain = await import('@beatlink/functions/services/audit/chain');
  repository = await import('@beatlink/functions/data/repository');
  reveals = await import('@beatlink/functions/data/reveals');
});

describe('reveals of personal data', () => {
  let office: ApiClient;
  let officeUsername: string;
  let villageId: string;

  beforeAll(async () => {
    const login = logins.byTenant[TENANT]!.program_office!;
    officeUsername = login.username;
    office = await apiAs(config, login);
    const villages = await office.get<Page<Village>>('/directory/villages', { limit: 50 });
    villageId = villages.items.find((v) => v.status === 'active')!.id;
  });

  const newMatterWithReporter = (phone: string) =>
    office.post<MatterCreated>('/matters', {
      kind: 'demand',
      source: 'resident',
      villageId,
      categoryId: 'civil_assistance',
      description: `村民反映自来水管道破裂，请协调维修 ${unique()}`,
      reporter: { name: '赵桂兰', phone },
      occurredAt: new Date().toISOString(),
    });

  it('are appended to the county’s chain with the reveal, without the number or the reason', async () => {
    const matter = await newMatterWithReporter('13905329876');
    const revealed = await office.post<{ phone: string }>(`/matters/${matter.id}/reveal`, { field: 'reporter', reason: '回访赵桂兰核实维修进度' });
    expect(revealed.phone).toBe('13905329876');

    const [revealRecord] = await reveals.queryRevealsOf(TENANT, 'matter', matter.id);
    const recent = await audit.listAuditEntries(TENANT, { limit: 10 });
    const entries = recent.filter((e) => (e.record as { id?: string } | undefined)?.id === matter.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      tenantId: TENANT,
      action: 'reveal',
      record: { kind: 'matter', id: matter.id },
      actor: { username: officeUsername, roles: expect.arrayContaining(['program_office']) },
      summary: { field: 'reporter', revealId: revealRecord!.id },
      at: revealRecord!.at,
    });
    expect(JSON.stringify(entries)).not.toContain('13905329876');
    expect(JSON.stringify(entries)).not.toContain('赵桂兰');

    const verdict = await audit.verifyAuditChain(TENANT);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.ok && verdict.head!.seq).toBeGreaterThanOrEqual(entries[0]!.seq as number);
    const cli = await cliVerify(TENANT);
    expect(cli.exitCode).toBe(0);
    expect(cli.line).toMatch(new RegExp(`^审计日志完整 / audit log intact: county ${TENANT}, \\d+ entries, head #\\d+ sha256:[0-9a-f]{64}`));
  });

  it('two at once both succeed: the one that loses the race for the head is retried inside the service', async () => {
    const matter = await newMatterWithReporter('13705321111');
    const both = await Promise.all(
      ['reporter', 'reporter'].map((field, i) => office.post<{ phone: string }>(`/matters/${matter.id}/reveal`, { field, reason: `回访 ${i}` })),
    );
    expect(both.map((r) => r.phone)).toEqual(['13705321111', '13705321111']);
    const recent = await audit.listAuditEntries(TENANT, { limit: 10 });
    const seqs = recent.filter((e) => (e.record as { id?: string } | undefined)?.id === matter.id).map((e) => e.seq);
    expect(seqs).toHaveLength(2);
    expect(new Set(seqs).size).toBe(2);
    expect(await audit.verifyAuditChain(TENANT)).toMatchObject({ ok: true });
  });
});

describe('tampering', () => {
  const get = async (key: Record<string, string>) => (await raw.send(new GetCommand({ TableName: config.tableName, Key: key }))).Item!;
  const put = (item: Record<string, unknown>) => raw.send(new PutCommand({ TableName: config.tableName, Item: item }));

  /** Damages the chain, checks what verify (service and CLI) says, and puts the original back. */
  async function expectFound(damage: () => Promise<unknown>, restore: () => Promise<unknown>, atSeq: number, problem: AuditChain.ChainProblem) {
    await damage();
    expect(await audit.verifyAuditChain(TAMPER)).toMatchObject({ ok: false, atSeq, problem });
    const cli = await cliVerify(TAMPER);
    expect(cli.exitCode).toBe(1);
    expect(cli.line).toContain(`审计日志异常 / audit log tampered: county ${TAMPER}, entry #${atSeq}: ${problem}`);
    await restore();
    expect(await audit.verifyAuditChain(TAMPER)).toMatchObject({ ok: true, entries: 5 });
  }

  beforeAll(async () => {
    await audit.appendAudit(TAMPER, [entry(1)]);
    await audit.appendAudit(TAMPER, [entry(2), entry(3, { changed: ['grade', 'status'], grade: 'B', status: 'verified' })]);
    await audit.appendAudit(TAMPER, [entry(4), entry(5)]);
  });

  it('an intact chain verifies', async () => {
    const verdict = await audit.verifyAuditChain(TAMPER);
    expect(verdict).toMatchObject({ ok: true, entries: 5, head: { seq: 5 } });
    expect(await cliVerify(TAMPER)).toEqual({ exitCode: 0, line: expect.stringContaining(`audit log intact: county ${TAMPER}, 5 entries, head #5`) });
    const listed = await runAuditCommand({ command: 'list', tenantId: TAMPER, limit: 3 }, config);
    expect(listed.exitCode).toBe(0);
    expect(listed.lines.slice(0, 3).map((l) => l.split('  ')[0])).toEqual(['#5', '#4', '#3']);
    expect(listed.lines[2]).toContain('changed=grade,status grade=B status=verified');
  });

  it('an edited entry: hash_mismatch at its seq', async () => {
    const original = await get(entryKey(TAMPER, 3));
    await expectFound(
      () =>
        raw.send(
          new UpdateCommand({ TableName: config.tableName, Key: entryKey(TAMPER, 3), UpdateExpression: 'SET summary.grade = :g', ExpressionAttributeValues: { ':g': 'A' } }),
        ),
      () => put(original),
      3,
      'hash_mismatch',
    );
  });

  it('a removed entry: missing_entry at its seq, in the middle or at the end', async () => {
    for (const seq of [2, 5]) {
      const original = await get(entryKey(TAMPER, seq));
      await expectFound(() => raw.send(new DeleteCommand({ TableName: config.tableName, Key: entryKey(TAMPER, seq) })), () => put(original), seq, 'missing_entry');
    }
  });

  it('an edited entry with its hash recomputed: broken_link at the next one', async () => {
    const original = await get(entryKey(TAMPER, 4));
    const forged = { ...original, action: 'delete' };
    await expectFound(() => put({ ...forged, hash: chain.auditEntryHash(forged) }), () => put(original), 5, 'broken_link');
  });

  it('a head that does not name the last entry: head_mismatch', async () => {
    const head = await get(headKey(TAMPER));
    await expectFound(() => put({ ...head, hash: 'f'.repeat(64) }), () => put(head), 5, 'head_mismatch');
  });

  it('once restored, the chain verifies and takes new entries', async () => {
    await audit.appendAudit(TAMPER, [entry(6)]);
    expect(await audit.verifyAuditChain(TAMPER)).toMatchObject({ ok: true, entries: 6, head: { seq: 6 } });
  });
});

describe('concurrent appends', () => {
  it('20 at once take distinct seqs and the chain verifies (losers are retried)', async () => {
    let conflicts = 0;
    const appendOne = async (n: number) => {
      for (let attempt = 1; attempt <= 60; attempt++) {
        try {
          await repository.runTransaction(await audit.auditAppendOps(RACE, [entry(n)]));
          return;
        } catch (error) {
          if (!audit.isRetryableConflict(error)) throw error;
          expect((error as { status?: number }).status).toBe(409);
          conflicts++;
          await sleep(5 + Math.random() * 30);
        }
      }
      throw new Error(`append ${n} kept conflicting`);
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendOne(i + 1)));

    const listed = await audit.listAuditEntries(RACE, { limit: 100 });
    expect(listed.map((e) => e.seq).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(listed.map((e) => (e.record as { id: string }).id)).size).toBe(20);
    expect(await audit.verifyAuditChain(RACE)).toMatchObject({ ok: true, entries: 20, head: { seq: 20 } });
    console.log(`20 concurrent appends: ${conflicts} retried conflicts`);
  });

  it('the loser’s whole transaction fails with a retryable 409: its own writes are not committed either', async () => {
    await audit.appendAudit(WHOLE, [entry(1)]);
    const revealOp = (id: string) =>
      reveals.putRevealOp({
        tenantId: WHOLE,
        id,
        recordKind: 'matter',
        recordId: 'mat_TESTWHOLE',
        field: 'reporter',
        reason: '测试',
        by: actor.username,
        byName: actor.name,
        byRoles: actor.roles,
        at: new Date().toISOString(),
      });
    // Both read the head at seq 1 before either commits.
    const first = [revealOp('rvl_TESTWHOLE0000000000000001'), ...(await audit.auditAppendOps(WHOLE, [entry(2)]))];
    const second = [revealOp('rvl_TESTWHOLE0000000000000002'), ...(await audit.auditAppendOps(WHOLE, [entry(3)]))];
    await repository.runTransaction(first);
    const error = await repository.runTransaction(second).then(
      () => undefined,
      (e: unknown) => e as { code?: string; status?: number; retryAfter?: number },
    );
    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, retryAfter: 1 });
    expect(audit.isRetryableConflict(error)).toBe(true);
    expect((await reveals.queryRevealsOf(WHOLE, 'matter', 'mat_TESTWHOLE')).map((r) => r.id)).toEqual(['rvl_TESTWHOLE0000000000000001']);
    const stored = await raw.send(new QueryCommand({ TableName: config.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `T#${WHOLE}#AUDIT` } }));
    expect(stored.Items!.map((i) => (i.record as { id: string }).id)).toEqual([entry(1).record.id, entry(2).record.id]);
    expect(await audit.verifyAuditChain(WHOLE)).toMatchObject({ ok: true, entries: 2 });
  });
});
