/*
 * Beatlink field service worker: lets the phone pages (/m/…) open without a signal. Plain JS, no
 * build step. Registered by the (field) layout with scope '/m', so it controls the phone pages only
 * (the office pages and /login are never controlled, except office URLs that merely start with
 * "/m", e.g. /matters, which the fetch handler leaves alone).
 *
 * - pages under /m: network first (short timeout), else the cached page, else the cached /m;
 * - /_next/static/* (hashed, immutable): cache first;
 * - /runtime-config.json: network first, else the cached copy;
 * - everything else (the API and Cognito are other origins, uploads, /login…): not touched.
 * The pages are static shells (data comes from the API with a token from localStorage), so the
 * cached HTML holds nothing about the user. Check-ins made offline are queued by the page itself
 * (src/lib/field/visit-queue.ts), not here.
 */

// Bump only when what is cached changes shape: ordinary deploys need no bump (pages are network
// first, static files are content-hashed). Bumping drops every cache of an older version.
const VERSION = 'v1';
const PAGES = `beatlink-field-pages-${VERSION}`;
const STATIC = `beatlink-field-static-${VERSION}`;
// Every phone page (tests/e2e/field-offline.test.ts opens each one offline after a single visit).
const SHELL = [
  '/m',
  '/m/visit',
  '/m/duty',
  '/m/absence',
  '/m/intake',
  '/m/collect',
  '/m/households',
  '/m/matters',
  '/m/matter',
  '/m/notifications',
  '/m/scores',
];
const NETWORK_TIMEOUT_MS = 3000;
const MAX_STATIC_ENTRIES = 300;

const isFieldPath = (path) => path === '/m' || path.startsWith('/m/');

/** Caches one shell page and the static files its HTML names (best effort: a failure skips it). */
async function precachePage(path) {
  const response = await fetch(path, { cache: 'reload', credentials: 'same-origin' });
  if (!response.ok || response.redirected) return;
  const html = await response.clone().text();
  await (await caches.open(PAGES)).put(path, response);
  const assets = new Set(html.match(/\/_next\/static\/[^"'\s\\)<>]+/g) ?? []);
  const cache = await caches.open(STATIC);
  await Promise.all(
    [...assets].map(async (url) => {
      if (await cache.match(url, { ignoreVary: true })) return;
      const asset = await fetch(url);
      if (asset.ok) await cache.put(url, asset);
    }),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.allSettled([...SHELL.map(precachePage), cacheRuntimeConfig()]);
      // Take over only once the shell is cached. Safe mid-session: the routes are the same in
      // every version, and the page is never reloaded for it (nothing listens to controllerchange).
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = [PAGES, STATIC];
      for (const name of await caches.keys()) {
        if (name.startsWith('beatlink-field-') && !keep.includes(name)) await caches.delete(name);
      }
      // Control the page that registered us, so its later requests are cached already.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return; // the API, Cognito, S3: never cached

  if (request.mode === 'navigate') {
    if (isFieldPath(url.pathname)) event.respondWith(page(event, url));
    return;
  }
  // Requests of an office page that happens to fall under the '/m' scope (/matters…): untouched.
  const from = request.referrer ? new URL(request.referrer).pathname : '';
  if (!isFieldPath(from)) return;
  if (url.pathname.startsWith('/_next/static/')) event.respondWith(staticFile(request));
  else if (url.pathname === '/runtime-config.json') event.respondWith(networkFirst(event, [url.pathname]));
});

/** Resolves with undefined after the timeout (the request itself goes on). */
const timeout = () => new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS));

/**
 * Network first: a good answer (kept under `key`, without the query string) when it comes within
 * the timeout; else the first cached copy of `keys`; else whatever the network says in the end.
 */
async function networkFirst(event, keys) {
  const network = fetch(event.request);
  // Stored in the background even when the cached copy was served because the network was slow.
  event.waitUntil(
    network
      .then((response) => {
        if (!response.ok || response.type !== 'basic' || response.redirected) return undefined;
        const copy = response.clone();
        return caches.open(PAGES).then((cache) => cache.put(keys[0], copy));
      })
      .catch(() => undefined),
  );
  try {
    const fresh = await Promise.race([network, timeout()]);
    if (fresh && fresh.status < 500) return fresh;
  } catch {
    // Offline: fall back to the cache.
  }
  const cache = await caches.open(PAGES);
  for (const key of keys) {
    const cached = await cache.match(key, { ignoreVary: true });
    if (cached) return cached;
  }
  return network; // slow but nothing cached: wait after all (offline: rejects)
}

/** A page under /m: network first, else the cached page, else the cached /m, else a notice. */
async function page(event, url) {
  try {
    return await networkFirst(event, [url.pathname, '/m']);
  } catch {
    return new Response(
      '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>一村一警</title>' +
        '<p style="font:16px sans-serif;padding:16px">当前没有网络，此页面尚未缓存。请联网后重试。</p>',
      { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
    );
  }
}

/** Cache first: hashed file names never change content. Keeps the newest MAX_STATIC_ENTRIES. */
async function staticFile(request) {
  const cache = await caches.open(STATIC);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    await cache.put(request, response.clone());
    const keys = await cache.keys(); // oldest first
    await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_STATIC_ENTRIES)).map((key) => cache.delete(key)));
  }
  return response;
}

async function cacheRuntimeConfig() {
  const response = await fetch('/runtime-config.json', { cache: 'no-store' });
  if (response.ok) await (await caches.open(PAGES)).put('/runtime-config.json', response);
}

