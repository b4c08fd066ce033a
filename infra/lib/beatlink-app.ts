import { CrossStackReferences, ReferenceStrength, Validations } from 'aws-cdk-lib';
import type { App } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { ScheduleDef } from '@beatlink/functions/schedules';
import { ApiStack } from './api-stack';
import { AuthStack } from './auth-stack';
import { stageSettings } from './config';
import type { AppConfig } from './config';
import { dataAccessRoleNames } from './data-access';
import { DataStack } from './data-stack';
import { JobsStack } from './jobs-stack';
import { ObservabilityStack } from './observability-stack';
import { StorageStack } from './storage-stack';

export interface BeatlinkStacks {
  data: DataStack;
  auth: AuthStack;
  api: ApiStack;
  jobs: JobsStack;
  storage: StorageStack;
  observability: ObservabilityStack;
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
  const settings = stageSettings(config.stage, config.alarmEmail);
  const roleNames = dataAccessRoleNames(config.stackPrefix, config.region);
  const tags = { project: 'beatlink', stage: config.stage };
  const logs = { logRetention: settings.logRetention, logRemoval: settings.logRemoval };

  const data = new DataStack(app, name('Data'), {
    env,
    tags,
    description: `Beatlink data (${config.stage}): the single DynamoDB table and its KMS key`,
    contributorInsights: config.contributorInsights,
    removalPolicy: settings.statefulRemoval,
    deletionProtection: settings.deletionProtection,
  });
  const auth = new AuthStack(app, name('Auth'), {
    env,
    tags,
    description: `Beatlink identity (${config.stage}): Cognito user pool, role groups and the portal client`,
    removalPolicy: settings.statefulRemoval,
    deletionProtection: settings.deletionProtection,
  });
  const storage = new StorageStack(app, name('Storage'), {
    env,
    tags,
    description: `Beatlink storage (${config.stage}): the attachment bucket (pre-signed uploads and downloads) and its access logs`,
    portalOrigin: config.portalOrigin,
    removalPolicy: settings.bucketRemoval,
  });
  // Before the API stack: the data-access roles there trust the job functions' roles.
  const jobs = new JobsStack(app, name('Jobs'), {
    env,
    tags,
    description: `Beatlink scheduled jobs (${config.stage}): EventBridge Scheduler schedules from schedules.ts`,
    table: data.table,
    tableKey: data.tableKey,
    schedules: options.schedules,
    handlerCode,
    dataAccessRoleNames: roleNames,
    provinces: config.provinces,
    ...logs,
  });
  const api = new ApiStack(app, name('Api'), {
    env,
    tags,
    description: `Beatlink HTTP API (${config.stage}): routes.ts behind the Cognito JWT authorizer`,
    table: data.table,
    tableKey: data.tableKey,
    userPool: auth.userPool,
    portalClient: auth.portalClient,
    attachmentBucket: storage.attachmentBucket,
    tenantAttachmentPolicy: storage.tenantAttachmentPolicy,
    portalOrigin: config.portalOrigin,
    throttle: { rateLimit: config.apiThrottleRate, burstLimit: config.apiThrottleBurst },
    handlerCode,
    dataAccessRoleNames: roleNames,
    tenantJobRoles: jobs.tenantAccessRoles,
    platformJobRoles: jobs.platformAccessRoles,
    provinces: config.provinces,
    ...logs,
  });
  const observability = new ObservabilityStack(app, name('Observability'), {
    env,
    tags,
    description: `Beatlink observability (${config.stage}): dashboard, alarms and the alarm topic`,
    settings,
    alarmEmail: config.alarmEmail,
    httpApi: api.httpApi,
    apiFunctions: api.functions,
    jobFunctions: jobs.jobs,
    webhookFanout: jobs.webhookFanout,
    scheduleGroup: jobs.scheduleGroup,
    deadLetterQueues: { 'schedule-dlq': jobs.deadLetterQueue, 'webhook-fanout-failures': jobs.webhookFanoutFailureQueue },
    table: data.table,
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { data, auth, api, jobs, storage, observability };
}
