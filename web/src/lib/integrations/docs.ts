import { WEBHOOK_HEADERS, WEBHOOK_TOLERANCE_SECONDS } from '@beatlink/shared/integrations/webhooks';

/**
 * A Node.js receiver that verifies `Beatlink-Signature` (built from the shared constants, so the
 * docs say what the sender does): raw body bytes, HMAC-SHA256 over `<t>.<body>`, constant-time
 * compare, timestamps older than the tolerance refused, de-duplication by the payload's id.
 */
export function webhookVerifySnippet(): string {
  const sig = WEBHOOK_HEADERS.signature.toLowerCase();
  return `// Node.js 18+：校验 Beatlink 事件推送 / verify a Beatlink webhook
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const SECRET = process.env.BEATLINK_WEBHOOK_SECRET; // whsec_…（创建或更换时显示的完整密钥）
const TOLERANCE_SECONDS = ${WEBHOOK_TOLERANCE_SECONDS};
const seen = new Set(); // 生产环境请用数据库/缓存按 payload.id 去重

function verify(rawBody /* Buffer */, header /* string */) {
  // ${WEBHOOK_HEADERS.signature}: t=<unix 秒>,v1=<hex>
  const parts = Object.fromEntries(
    String(header ?? '').split(',').map((kv) => {
      const i = kv.indexOf('=');
      return [kv.slice(0, i).trim(), kv.slice(i + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1) return false;
  if (Math.abs(Date.now() / 1000 - t) > TOLERANCE_SECONDS) return false; // 过期或时钟偏差过大
  const expected = createHmac('sha256', SECRET).update(\`\${t}.\`).update(rawBody).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks); // 必须用原始字节，不要先解析再序列化
    if (!verify(raw, req.headers['${sig}'])) {
      res.writeHead(401).end();
      return;
    }
    const event = JSON.parse(raw.toString('utf8'));
    res.writeHead(200).end(); // 先快速应答 2xx，再异步处理
    if (seen.has(event.id)) return; // 重试与重新投递的 id 相同：去重
    seen.add(event.id);
    console.log(event.type, event.data?.matter?.id, req.headers['${WEBHOOK_HEADERS.attempt.toLowerCase()}']);
  });
}).listen(8080);
`;
}

/** An example of the signed request a receiver gets (headers and a short body). */
export function webhookRequestExample(): string {
  return `POST /hooks/beatlink HTTP/1.1
Content-Type: application/json
${WEBHOOK_HEADERS.event}: matter.status_changed
${WEBHOOK_HEADERS.delivery}: whd_01JD3Z6Q…
${WEBHOOK_HEADERS.attempt}: 1
${WEBHOOK_HEADERS.signature}: t=1763602200,v1=5d41402abc4b2a76b9719d911017c592…

{"id":"evt_…","type":"matter.status_changed","county":"370283","occurredAt":"2026-11-20T01:30:00.000Z",
 "data":{"matter":{"id":"mat_…","status":"assigned","open311Status":"open",…},"change":{"from":"triage","to":"assigned"}}}`;
}
