import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { ScheduleDef } from '@beatlink/functions/schedules';
import { addBeatlinkStacks } from '../lib/beatlink-app';
import type { BeatlinkStacks } from '../lib/beatlink-app';
import { DEFAULT_CONFIG } from '../lib/config';
import type { AppConfig } from '../lib/config';

export const TEST_PORTAL_ORIGIN = 'https://portal.beatlink.test';
/** A small stand-in for web/out: the assertion tests need no portal build. */
export const TEST_PORTAL_EXPORT = resolve(import.meta.dirname, 'fixtures/portal-export');
export const TEST_ENV = { account: '123456789012', region: DEFAULT_CONFIG.region };

export interface TestAppOptions {
  config?: Partial<AppConfig>;
  schedules?: readonly ScheduleDef[];
  /**
   * Run CDK's built-in CloudFormation template validation (WASM, several seconds per synth):
   * only the test that checks the whole validation report needs it.
   */
  cloudFormationValidation?: boolean;
  /** The portal export to deploy (default: the fixture). */
  portalExportDir?: string;
}

/**
 * The whole app as `npm run synth` builds it, except that the functions get a tiny inline
 * handler instead of the esbuild bundles and the portal is a fixture export: no handler sources,
 * bundling, portal build, Docker or network needed.
 */
export function buildTestApp(options: TestAppOptions = {}): { app: App; stacks: BeatlinkStacks } {
  const app = new App({ builtinCloudFormationValidation: options.cloudFormationValidation ?? false, stackTraces: false });
  const stacks = addBeatlinkStacks(
    app,
    { ...DEFAULT_CONFIG, account: TEST_ENV.account, portalOrigin: TEST_PORTAL_ORIGIN, ...options.config },
    {
      handlerCode: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
      schedules: options.schedules,
      portalExportDir: options.portalExportDir ?? TEST_PORTAL_EXPORT,
    },
  );
  return { app, stacks };
}
