/**
 * The security headers of every portal response: CloudFront's response headers policy in AWS
 * (WebStack) and the local portal server (infra/local/portal.ts) are built from these, so the
 * browser tests run the portal under the policy it is deployed with.
 */
export interface PortalOrigins {
  /** Where the portal calls the API (`https://*.execute-api.<region>.amazonaws.com`, or the gateway's URL locally). */
  api: string[];
  /** Where Amplify signs in (Cognito's endpoint, or cognito-local). */
  identity: string[];
  /** Where pre-signed attachment URLs point (S3, or the local S3 server): uploads and images. */
  objects: string[];
}

/**
 * Scripts: 'unsafe-inline' because a static export cannot carry per-response nonces and Next
 * inlines its page payloads (one hash per page would overflow CloudFront's 1,783-character CSP
 * limit); no 'unsafe-eval', no other origin. Styles: antd injects its CSS-in-JS at run time.
 * connect-src lists the only places data may go, which is what limits an injected script.
 */
export function portalContentSecurityPolicy(origins: PortalOrigins): string {
  const list = (values: string[]) => values.join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${list(origins.objects)}`,
    "font-src 'self' data:",
    `connect-src 'self' ${list([...origins.api, ...origins.identity, ...origins.objects])}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Location for check-ins and the camera for photos, on the portal's own pages only. */
export const PORTAL_PERMISSIONS_POLICY = 'geolocation=(self), camera=(self), microphone=(), payment=(), usb=()';
export const PORTAL_REFERRER_POLICY = 'strict-origin-when-cross-origin';
/** Two years, subdomains included (sent by CloudFront over HTTPS; browsers ignore it on http://127.0.0.1). */
export const PORTAL_HSTS_SECONDS = 63_072_000;

/** Header name → value, as the local server sends them (CloudFront sends the same set). */
export function portalSecurityHeaders(origins: PortalOrigins): Record<string, string> {
  return {
    'content-security-policy': portalContentSecurityPolicy(origins),
    'strict-transport-security': `max-age=${PORTAL_HSTS_SECONDS}; includeSubDomains`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': PORTAL_REFERRER_POLICY,
    'permissions-policy': PORTAL_PERMISSIONS_POLICY,
  };
}

/**
 * Cache-Control of the exported files: content-hashed build output forever, everything else
 * (pages, the service worker, the runtime config, icons) revalidated on every load, so a deploy
 * is seen at once and `/sw.js` updates are never held back.
 */
export const IMMUTABLE_PREFIX = '/_next/static/';
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

export function portalCacheControl(objectPath: string): string {
  return objectPath.startsWith(IMMUTABLE_PREFIX) ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
}
