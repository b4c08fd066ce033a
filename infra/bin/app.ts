import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { addBeatlinkStacks } from '../lib/beatlink-app';
import { readAppConfig } from '../lib/config';
import { buildPortalIfStale, WEB_DIR } from '../local/portal';
import { REPO_ROOT } from '../local/stack-config';

/**
 * The CDK app (`cdk.json` → `npx tsx infra/bin/app.ts`). Settings: see infra/README.md. The
 * portal's static export is part of the deployment: it is built first when missing or older than
 * its sources, so `cdk deploy --all` from a clean clone ships the current portal.
 */
await buildPortalIfStale(resolve(REPO_ROOT, '.data/logs/portal-build.log'), (line) => console.error(line));
const app = new App();
addBeatlinkStacks(app, readAppConfig(app.node), { portalExportDir: resolve(WEB_DIR, 'out') });
