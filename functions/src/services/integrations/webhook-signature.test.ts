import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook } from './webhook-signature';

/** A receiver's check, written from the documented header format only. */
function verify(header: string, secret: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('signWebhook', () => {
  const secret = 'whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
  const body = '{"id":"evt_ping_01JD3Z6Q9V8C2M4N5P6R7S8T9V","type":"ping"}';

  it('matches a known vector', () => {
    // printf '%s' '1764000000.{"id":…}' | openssl dgst -sha256 -hmac 'whsec_…'
    expect(signWebhook(secret, 1_764_000_000, body)).toBe('t=1764000000,v1=af3275c3380f429125a490b680d7545de171ba577ecaa54e97a297562281c805');
  });

  it('verifies with the documented recipe and fails for another body, time or secret', () => {
    const header = signWebhook(secret, 1_764_000_000, body);
    expect(verify(header, secret, body)).toBe(true);
    expect(verify(header, secret, `${body} `)).toBe(false);
    expect(verify(header.replace('t=1764000000', 't=1764000001'), secret, body)).toBe(false);
    expect(verify(header, `${secret}x`, body)).toBe(false);
  });
});
