import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment, AttachmentUpload, ErrorBody, MatterDetail, Me, Office, Page, Station, Village, Workstation } from '@beatlink/shared';
import { signIn } from '@beatlink/infra/local/cognito-local';
import type { BackingService } from '@beatlink/infra/local/embedded-stack';
import { apiAs, type ApiClient, type ApiResponse } from '../support/api';
import { startTestStack, type TestStack } from '../support/stack';
import { matterWorld, type MatterWorld } from '../lib/matter-fixtures';
import { tableDigest } from '../lib/table-digest';

/**
 * Faults (issue #9): one stack of this file's own (data on disk, so a stopped service comes back
 * with its data) whose DynamoDB Local, cognito-local and S3 server are stopped and started again
 * on the same port while the gateway keeps running. Requests must fail fast with 503 and
 * Retry-After, write nothing half-way, and work again once the service is back.
 */
const TENANT = '370283';
/** A fault test's own bound: a request that hangs fails the test instead of waiting it out. */
const FAULT_TEST_MS = 15_000;
/**
 * Tests that also Scan the whole seeded table (tableDigest, several seconds each on a busy
 * machine) to prove nothing was written: the Scan's cost, not the fault's.
 */
const DIGEST_TEST_MS = 60_000;
/** Starting a service again (DynamoDB Local is a JVM) is stack start-up, not the fault test. */
const RESTART_MS = 120_000;
const PORTAL_ORIGIN = 'http://127.0.0.1:3000';

const dataDir = mkdtempSync(resolve(tmpdir(), 'beatlink-faults-'));
let stack: TestStack;
let world: MatterWorld;
let office: ApiClient;
let outage: { resume(): Promise<void> } | undefined;

const unique = () => randomUUID().replace(/-/g, '').slice(0, 8);

async function stopService(part: BackingService): Promise<void> {
  outage = await stack.interrupt(part);
}

async function resumeService(): Promise<void> {
  const current = outage;
  outage = undefined;
  await current?.resume();
}

/** 503 DEPENDENCY_UNAVAILABLE with a Retry-After header (and the same in the body, for browsers). */
function expectUnavailable(response: ApiResponse) {
  expect(response.status, JSON.stringify(response.body)).toBe(503);
  expect((response.body as ErrorBody).error.code).toBe('DEPENDENCY_UNAVAILABLE');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
}

const intakeBody = (extra: Record<string, unknown> = {}) => ({
  kind: 'demand',
  source: 'officer',
  villageId: world.village.id,
  categoryId: 'public_order',
  description: `故障测试事项 ${unique()}：村口路灯损坏，夜间通行不便`,
  occurredAt: new Date().toISOString(),
  ...extra,
});

beforeAll(async () => {
  stack = await startTestStack({ dataDir, seed: 'small' });
  world = await matterWorld(stack.config, stack.logins, TENANT);
  office = world.office;
}, 600_000);

afterAll(async () => {
  // A service a failed test left stopped is started again, so the stack stops as a whole.
  await resumeService().catch(() => undefined);
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, RESTART_MS);

describe('DynamoDB Local stopped', () => {
  let villageRequest: () => Promise<ApiResponse>;
  let intake: Record<string, unknown>;
  let before: Awaited<ReturnType<typeof tableDigest>>;

  beforeAll(async () => {
    const workstation = world.village.workstationId;
    villageRequest = () => office.request('GET', '/directory/villages', { query: { workstationId: workstation } });
    intake = intakeBody();
    expect((await villageRequest()).status).toBe(200);
    before = await tableDigest(stack.config);
    await stopService('dynamodb');
  }, RESTART_MS);

  it(
    'answers a read with 503 and Retry-After, without hanging',
    async () => {
      expectUnavailable(await villageRequest());
      expectUnavailable(await office.request('GET', `/matters`, { query: { limit: 5 } }));
    },
    FAULT_TEST_MS,
  );

  it(
    'answers a write (a matter intake: one multi-item transaction) with 503 and Retry-After',
    async () => {
      expectUnavailable(await office.request('POST', '/matters', { body: intake }));
      expectUnavailable(await office.request('POST', '/directory/villages', { body: { name: `故障村${unique()}`, kind: 'village', officeId: world.village.officeId, workstationId: world.village.workstationId } }));
    },
    FAULT_TEST_MS,
  );

  describe('started again on the same port and data', () => {
    beforeAll(resumeService, RESTART_MS);

    it(
      'serves the same requests again without restarting the gateway',
      async () => {
        // The refused writes left nothing behind.
        expect(await tableDigest(stack.config)).toEqual(before);
        expect((await villageRequest()).status).toBe(200);
        const created = await office.request<MatterDetail>('POST', '/matters', { body: intake });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        expect(created.body.description).toBe(intake.description);
      },
      DIGEST_TEST_MS,
    );
  });
});

describe('transactions cut off by DynamoDB Local dying', () => {
  let workstation: Workstation;
  let newOffice: Office;
  const answers: Array<{ name: string; status: number; id?: string }> = [];

  beforeAll(async () => {
    const station = await office.post<Station>('/directory/stations', { name: `故障派出所${unique()}` });
    newOffice = await office.post<Office>('/directory/offices', { name: `故障警务室${unique()}`, stationId: station.id, areaKind: 'rural' });
    workstation = await office.post<Workstation>('/directory/workstations', { name: `故障工作站${unique()}`, officeId: newOffice.id });
    // Village creations (record + the office's and the workstation's counters, one transaction)
    // in flight while DynamoDB Local is stopped under them.
    const names = Array.from({ length: 8 }, () => `故障村${unique()}`);
    const requests = names.map(async (name, i) => {
      await new Promise((r) => setTimeout(r, i * 15));
      const response = await office.request<Village>('POST', '/directory/villages', { body: { name, kind: 'village', officeId: newOffice.id, workstationId: workstation.id } });
      answers.push({ name, status: response.status, id: response.status === 201 ? response.body.id : undefined });
    });
    await new Promise((r) => setTimeout(r, 40));
    await stopService('dynamodb');
    await Promise.all(requests);
    await resumeService();
  }, RESTART_MS);

  it(
    'applied each transaction fully or not at all',
    async () => {
      // Created, refused (503), or a conflict with a concurrent creation on the same counters (409).
      expect(answers.map((a) => a.status).every((s) => s === 201 || s === 409 || s === 503), JSON.stringify(answers)).toBe(true);
      expect(answers).toHaveLength(8);
      const villages = await office.get<Page<Village>>('/directory/villages', { workstationId: workstation.id, limit: 100 });
      const written = villages.items.filter((v) => v.status === 'active');
      // Every confirmed creation is there; a refused one may have committed just before the cut,
      // but then wholly: the counters match the villages that exist.
      for (const answer of answers.filter((a) => a.status === 201)) expect(written.map((v) => v.id)).toContain(answer.id);
      expect(written.every((v) => answers.some((a) => a.name === v.name))).toBe(true);
      const counted = async (path: string) => ((await office.get<Record<string, unknown>>(path)).activeVillageCount as number | undefined) ?? 0;
      expect(await counted(`/directory/workstations/${workstation.id}`)).toBe(written.length);
      expect(await counted(`/directory/offices/${newOffice.id}`)).toBe(written.length);
    },
    FAULT_TEST_MS,
  );
});

describe('cognito-local stopped', () => {
  const county = () => stack.logins.byTenant[TENANT]!;
  let fresh: ApiClient;
  let freshLogin: { username: string; password: string };
  let officer: Record<string, string> | undefined;

  beforeAll(async () => {
    // Signed in before the outage, but not yet seen by the API (no display name cached).
    freshLogin = stack.logins.byTenant['370211']!.program_office!;
    fresh = await apiAs(stack.config, freshLogin);
    await stopService('cognito');
  }, RESTART_MS);

  it(
    'refuses a new sign-in with a clean error',
    async () => {
      const login = county().community_officer!;
      const error = await signIn(stack.config, login.username, login.password).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expect(JSON.stringify({ name: error?.name, code: (error as { code?: string }).code })).toMatch(/ECONNREFUSED|ECONNRESET|TimeoutError|AbortError/);
    },
    FAULT_TEST_MS,
  );

  it(
    'keeps verifying tokens issued before (the gateway’s cached JWKS), /me included',
    async () => {
      expect((await office.request('GET', '/directory/villages', { query: { limit: 5 } })).status).toBe(200);
      const me = await fresh.request<Me>('GET', '/me');
      expect(me.status, JSON.stringify(me.body)).toBe(200);
      expect(me.body.username).toBe(freshLogin.username);
      expect(me.body.name.length).toBeGreaterThan(0);
    },
    FAULT_TEST_MS,
  );

  it(
    'refuses to create an officer (a Cognito user) with 503 and Retry-After, leaving the table as it was',
    async () => {
      const ofc = await office.post<Office>('/directory/offices', { name: `故障警务室${unique()}`, stationId: world.village.stationId, areaKind: 'rural' });
      const before = await tableDigest(stack.config);
      officer = {
        name: '故障民警',
        policeNumber: String(Math.floor(Math.random() * 1e6)).padStart(6, '0'),
        phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        role: 'community_officer',
        username: `fault${unique()}`,
        stationId: world.village.stationId,
        officeId: ofc.id,
      };
      expectUnavailable(await office.request('POST', '/directory/officers', { body: officer }));
      // The officer's record, his office slot and his unique police number and username were
      // written first and taken back when the Cognito user could not be made.
      expect(await tableDigest(stack.config)).toEqual(before);
    },
    DIGEST_TEST_MS,
  );

  describe('started again on the same port and data', () => {
    beforeAll(resumeService, RESTART_MS);

    it(
      'signs in again',
      async () => {
        const login = county().community_officer!;
        const tokens = await signIn(stack.config, login.username, login.password);
        expect(tokens.idToken.split('.')).toHaveLength(3);
      },
      FAULT_TEST_MS,
    );

    it(
      'creates the officer refused during the outage: nothing of the first attempt is in the way',
      async () => {
        expect(officer).toBeDefined();
        const created = await office.request<{ username: string }>('POST', '/directory/officers', { body: officer });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        expect(created.body.username).toBe(officer!.username);
      },
      FAULT_TEST_MS,
    );
  });
});

describe('S3 server stopped', () => {
  const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(2045)]);
  let uploader: ApiClient;
  let ready: Attachment;
  let pending: AttachmentUpload;

  const startUpload = (bytes: Buffer) => uploader.request<AttachmentUpload>('POST', '/attachments', { body: { fileName: '现场照片.jpg', contentType: 'image/jpeg', size: bytes.length } });
  async function putBytes(upload: AttachmentUpload, bytes: Buffer) {
    const response = await fetch(upload.upload.url, { method: upload.upload.method, headers: { ...upload.upload.headers, origin: PORTAL_ORIGIN }, body: new Uint8Array(bytes) });
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    uploader = world.actors.community_officer!.client;
    const first = jpeg();
    const one = (await startUpload(first)).body;
    await putBytes(one, first);
    const completed = await uploader.request<Attachment>('POST', `/attachments/${one.attachment.id}/complete`);
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    ready = completed.body;
    const second = jpeg();
    pending = (await startUpload(second)).body;
    await putBytes(pending, second);
    await stopService('s3');
  }, RESTART_MS);

  it(
    'still hands out upload URLs: signing one is local, it does not call S3',
    async () => {
      const response = await startUpload(jpeg());
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    },
    FAULT_TEST_MS,
  );

  it(
    'answers completing an upload with 503 and Retry-After, and leaves it pending',
    async () => {
      expectUnavailable(await uploader.request('POST', `/attachments/${pending.attachment.id}/complete`));
      const download = await uploader.request<ErrorBody>('GET', `/attachments/${pending.attachment.id}`);
      expect(download.status).toBe(409);
    },
    FAULT_TEST_MS,
  );

  it(
    'answers an intake with an attachment with 503 and links nothing',
    async () => {
      const body = intakeBody({ attachmentIds: [ready.id] });
      const before = await tableDigest(stack.config);
      expectUnavailable(await uploader.request('POST', '/matters', { body }));
      expect(await tableDigest(stack.config)).toEqual(before);
    },
    DIGEST_TEST_MS,
  );

  describe('started again on the same port and data', () => {
    beforeAll(resumeService, RESTART_MS);

    it(
      'completes the upload and links the attachment',
      async () => {
        const done = await uploader.request<Attachment>('POST', `/attachments/${pending.attachment.id}/complete`);
        expect(done.status, JSON.stringify(done.body)).toBe(200);
        expect(done.body.status).toBe('ready');
        const matter = await uploader.request<MatterDetail>('POST', '/matters', { body: intakeBody({ attachmentIds: [ready.id] }) });
        expect(matter.status, JSON.stringify(matter.body)).toBe(201);
        expect(matter.body.attachmentIds).toEqual([ready.id]);
      },
      FAULT_TEST_MS,
    );
  });
});
