import { CrossStackReferences, ReferenceStrength, Validations } from 'aws-cdk-lib';
import type { App } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { ScheduleDef } from '@beatlink/functions/schedules';
import { ApiStack } from './api-stack';
import { AuthStack } from './auth-stack';
import type { AppConfig } from './config';
import { DataStack } from './data-stack';
import { JobsStack } from './jobs-stack';
import { StorageStack } from './storage-stack';

export interface BeatlinkStacks {
  data: DataStack;
  auth: AuthStack;
  api: ApiStack;
  jobs: JobsStack;
  storage: StorageStack;
}

export interface BeatlinkAppOptions {
  /** Pre-built handler code instead of bundling (assertion tests only). */
  handlerCode?: lambda.Code;
  /** The schedule table; defaults to functions/src/schedules.ts. */
  schedules?: readonly ScheduleDef[];
}

/**
 * Adds Beatlink's stacks to `app` and puts cdk-nag's AwsSolutions pack on every synth: an
 * unacknowledged error fails the synth, and the tests also hold warnings at zero.
 */
export function addBeatlinkStacks(app: App, config: AppConfig, options: BeatlinkAppOptions = {}): BeatlinkStacks {
  const { handlerCode } = options;
  // The api and jobs stacks import the table, its key and the user pool through CloudFormation
  // exports: the stateful stacks cannot be deleted, nor those resources removed, while in use.
  CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
  const env = { account: config.account, region: config.region };
  const name = (part: string) => `${config.stackPrefix}-${part}`;

  const data = new DataStack(app, name('Data'), {
    env,
    description: 'Beatlink data: the single DynamoDB table and its KMS key',
    contributorInsights: config.contributorInsights,
  });
  const auth = new AuthStack(app, name('Auth'), {
    env,
    description: 'Beatlink identity: Cognito user pool, role groups and the portal client',
  });
  const storage = new StorageStack(app, name('Storage'), {
    env,
    description: 'Beatlink storage: the attachment bucket (pre-signed uploads and downloads) and its access logs',
    portalOrigin: config.portalOrigin,
  });
  const api = new ApiStack(app, name('Api'), {
    env,
    description: 'Beatlink HTTP API: routes.ts behind the Cognito JWT authorizer',
    table: data.table,
    tableKey: data.tableKey,
    userPool: auth.userPool,
    portalClient: auth.portalClient,
    attachmentBucket: storage.attachmentBucket,
    attachmentAccessPolicy: storage.attachmentAccessPolicy,
    portalOrigin: config.portalOrigin,
    throttle: { rateLimit: config.apiThrottleRate, burstLimit: config.apiThrottleBurst },
    handlerCode,
  });
  const jobs = new JobsStack(app, name('Jobs'), {
    env,
    description: 'Beatlink scheduled jobs: EventBridge Scheduler schedules from schedules.ts',
    table: data.table,
    tableKey: data.tableKey,
    schedules: options.schedules,
    handlerCode,
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { data, auth, api, jobs, storage };
}
