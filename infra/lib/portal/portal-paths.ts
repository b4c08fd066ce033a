/**
 * How a portal URL maps to a file of the static export (web/out): the exported pages are
 * `<route>.html` (`/matters/view` → `/matters/view.html`), a directory URL is its `index.html`, and
 * anything with an extension (`/_next/static/…js`, `/sw.js`, `/runtime-config.json`) is itself.
 *
 * The function is self-contained on purpose: its source text is the body of the CloudFront
 * Function in front of the bucket (PORTAL_VIEWER_REQUEST_CODE), and the local portal server calls
 * it directly, so the browser tests go through the very mapping CloudFront applies.
 */
export function portalObjectPath(uri: string): string {
  if (uri.endsWith('/')) return uri + 'index.html';
  const lastSegment = uri.slice(uri.lastIndexOf('/') + 1);
  return lastSegment.indexOf('.') >= 0 ? uri : uri + '.html';
}

/** The viewer-request CloudFront Function (runtime cloudfront-js-2.0): rewrites the URI only. */
export const PORTAL_VIEWER_REQUEST_CODE = [
  `var portalObjectPath = ${portalObjectPath.toString()};`,
  'function handler(event) {',
  '  var request = event.request;',
  '  request.uri = portalObjectPath(request.uri);',
  '  return request;',
  '}',
].join('\n');
