import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WEBHOOK_HEADERS, WEBHOOK_TOLERANCE_SECONDS } from '@beatlink/shared/integrations/webhooks';
import { webhookRequestExample, webhookVerifySnippet } from './docs';

describe('the webhook docs', () => {
  it('builds the verification snippet from the shared constants', () => {
    const snippet = webhookVerifySnippet();
    expect(snippet).toContain(`req.headers['${WEBHOOK_HEADERS.signature.toLowerCase()}']`);
    expect(snippet).toContain(`const TOLERANCE_SECONDS = ${WEBHOOK_TOLERANCE_SECONDS};`);
    expect(snippet).toContain('timingSafeEqual');
    expect(webhookRequestExample()).toContain(`${WEBHOOK_HEADERS.delivery}: whd_`);
  });

  it('has a verify() that accepts a correct signature and refuses a wrong or stale one', async () => {
    // Run the snippet's verify() as written (without the server part).
    const source = webhookVerifySnippet();
    const verifySource = source.slice(source.indexOf('function verify'), source.indexOf('createServer('));
    const secret = 'whsec_' + 'a'.repeat(43);
    const { timingSafeEqual } = await import('node:crypto');
    const verify = new Function('createHmac', 'timingSafeEqual', 'SECRET', 'TOLERANCE_SECONDS', 'Buffer', `${verifySource}; return verify;`)(createHmac, timingSafeEqual, secret, WEBHOOK_TOLERANCE_SECONDS, Buffer) as (raw: Buffer, header: string) => boolean;
    const body = Buffer.from('{"id":"evt_1","type":"ping"}');
    const t = Math.floor(Date.now() / 1000);
    const v1 = createHmac('sha256', secret).update(`${t}.${body.toString('utf8')}`).digest('hex');
    expect(verify(body, `t=${t},v1=${v1}`)).toBe(true);
    expect(verify(Buffer.from('{"id":"evt_2"}'), `t=${t},v1=${v1}`)).toBe(false);
    const old = t - WEBHOOK_TOLERANCE_SECONDS - 5;
    const oldSig = createHmac('sha256', secret).update(`${old}.${body.toString('utf8')}`).digest('hex');
    expect(verify(body, `t=${old},v1=${oldSig}`)).toBe(false);
    expect(verify(body, 'garbage')).toBe(false);
  });
});
