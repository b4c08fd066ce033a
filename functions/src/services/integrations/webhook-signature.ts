import { createHmac } from 'node:crypto';

/**
 * The `Beatlink-Signature` header value: `t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * `"<t>.<body>"`, keyed with the whole secret text (`whsec_…`, as UTF-8). The timestamp is signed
 * too, so a captured request cannot be replayed later than the receiver's tolerance.
 */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}
