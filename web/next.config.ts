import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The portal is client-rendered against the API: no server data fetching, no `next/font/google`
 * (builds run offline). Deployment-specific settings (API URL, user pool) are read at startup
 * from `/runtime-config.json`, never baked into the build. Run next with NEXT_TELEMETRY_DISABLED=1.
 * `next build` writes a static export (web/out): S3 + CloudFront serve it in AWS, and the local
 * stack serves the same files (infra/local/portal.ts).
 */
const config: NextConfig = {
  output: 'export',
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@beatlink/shared'],
  // Two root layouts ((office), (field)): unmatched URLs get app/global-not-found.tsx.
  experimental: { globalNotFound: true },
  // The workspace root holds the lockfile and the hoisted node_modules.
  turbopack: { root: join(here, '..') },
  outputFileTracingRoot: join(here, '..'),
};

export default config;
