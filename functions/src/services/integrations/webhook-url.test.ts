import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from '@beatlink/shared';

/** The URL rules webhooks.ts applies on create and update (allowLoopbackHttp only on the local stack). */
describe('webhookUrlProblem', () => {
  const aws = { allowLoopbackHttp: false };
  const local = { allowLoopbackHttp: true };

  it('accepts https URLs, with port, path and query', () => {
    for (const url of ['https://grid.example.gov.cn/hooks/beatlink', 'https://hooks.example.com:8443/in?src=beatlink']) {
      expect(webhookUrlProblem(url, aws), url).toBeUndefined();
      expect(webhookUrlProblem(url, local), url).toBeUndefined();
    }
  });

  it('accepts plain http to loopback only where allowed', () => {
    for (const url of ['http://127.0.0.1:4010/hook', 'http://localhost:4010/hook', 'http://[::1]:4010/hook']) {
      expect(webhookUrlProblem(url, local), url).toBeUndefined();
      expect(webhookUrlProblem(url, aws), url).toMatch(/https/);
    }
  });

  it('refuses http elsewhere, other schemes, credentials, fragments and non-URLs', () => {
    for (const url of ['http://grid.example.gov.cn/hook', 'ftp://example.com/x', 'https://user:pw@example.com/hook', 'https://example.com/hook#frag', 'example.com/hook', 'not a url']) {
      expect(webhookUrlProblem(url, local), url).toBeDefined();
      expect(webhookUrlProblem(url, aws), url).toBeDefined();
    }
  });
});
