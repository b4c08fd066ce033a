import { App } from 'aws-cdk-lib';
import { addBeatlinkStacks } from '../lib/beatlink-app';
import { readAppConfig } from '../lib/config';

/** The CDK app (`cdk.json` → `npx tsx infra/bin/app.ts`). Settings: see infra/README.md. */
const app = new App();
addBeatlinkStacks(app, readAppConfig(app.node));
