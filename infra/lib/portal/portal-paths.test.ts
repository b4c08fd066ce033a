import { describe, expect, it } from 'vitest';
import { PORTAL_VIEWER_REQUEST_CODE, portalObjectPath } from './portal-paths';

const CASES: [string, string][] = [
  ['/', '/index.html'],
  ['/matters', '/matters.html'],
  ['/matters/view', '/matters/view.html'],
  ['/m/visit', '/m/visit.html'],
  ['/m/', '/m/index.html'],
  ['/sw.js', '/sw.js'],
  ['/runtime-config.json', '/runtime-config.json'],
  ['/_next/static/chunks/app-0123abcd.js', '/_next/static/chunks/app-0123abcd.js'],
  ['/matters.txt', '/matters.txt'],
  ['/matters/__next._tree.txt', '/matters/__next._tree.txt'],
  // A dot in a directory name does not make the last segment a file.
  ['/v1.2/page', '/v1.2/page.html'],
];

/** Runs the deployed CloudFront Function source as CloudFront would: `handler(event)` → request. */
function runCloudFrontFunction(uri: string): string {
  const handler = new Function(`${PORTAL_VIEWER_REQUEST_CODE}\nreturn handler;`)() as (event: unknown) => { uri: string; headers: unknown };
  const request = { method: 'GET', uri, querystring: { id: { value: 'm_1' } }, headers: { host: { value: 'portal.example.cn' } } };
  const answer = handler({ version: '1.0', context: { eventType: 'viewer-request' }, viewer: { ip: '192.0.2.1' }, request });
  expect(answer.headers).toEqual(request.headers);
  return answer.uri;
}

describe('portal URL → export file', () => {
  it.each(CASES)('%s → %s', (uri, file) => {
    expect(portalObjectPath(uri)).toBe(file);
  });

  it.each(CASES)('the CloudFront Function maps %s the same way', (uri, file) => {
    expect(runCloudFrontFunction(uri)).toBe(file);
  });

  it('is plain JavaScript a CloudFront Function accepts (no imports, no TypeScript, under 10 KB)', () => {
    expect(PORTAL_VIEWER_REQUEST_CODE).toMatch(/^var portalObjectPath = function portalObjectPath\(uri\)/);
    expect(PORTAL_VIEWER_REQUEST_CODE).not.toMatch(/\bimport\b|\brequire\(|: string|__name/);
    expect(Buffer.byteLength(PORTAL_VIEWER_REQUEST_CODE)).toBeLessThan(10 * 1024);
  });
});
