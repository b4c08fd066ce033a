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
import { EDGE_REGION, EdgeStack } from './edge-stack';
import { JobsStack } from './jobs-stack';
import { ObservabilityStack } from './observability-stack';
import { PortalContentStack } from './portal-content-stack';
import { PublicApiEdgeStack } from './public-api-edge-stack';
import { StorageStack } from './storage-stack';
import { WebStack } from './web-stack';

export interface BeatlinkStacks {
  data: DataStack;
  auth: AuthStack;
  api: ApiStack;
  jobs: JobsStack;
  storage: StorageStack;
  observability: ObservabilityStack;
  /** WAF web ACLs and the distributions' log bucket, in us-east-1. */
  edge: EdgeStack;
  /** The public API's CloudFront distribution (with the edge's web ACL) in front of the HTTP API. */
  publicApiEdge: PublicApiEdgeStack;
  /** The portal's bucket and CloudFront distribution. */
  web: WebStack;
  /** The portal's files and runtime config (absent when no export directory was given). */
  portalContent?: PortalContentStack;
}

export interface BeatlinkAppOptions {
  /** Pre-built handler code instead of bundling (assertion tests only). */
  handlerCode?: lambda.Code;
  /** The schedule table; defaults to functions/src/schedules.ts. */
  schedules?: readonly ScheduleDef[];
  /** The portal's static export (web/out) to deploy; without it the app has no PortalContent stack. */
  portalExportDir?: string;
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
    description: `Beatlink data (${config.stage}): the single DynamoDB table, its KMS key and the personal-data key`,
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
  // CLOUDFRONT-scope web ACLs exist only in us-east-1 (bootstrap it too); same account.
  const edge = new EdgeStack(app, name('Edge'), {
    env: { account: config.account, region: EDGE_REGION },
    tags,
    description: `Beatlink edge (${config.stage}): WAF web ACLs of the public API and portal distributions, their logs`,
    stackPrefix: config.stackPrefix,
    publicApiRateLimitPer5Min: config.publicApiRateLimitPer5Min,
    portalRateLimitPer5Min: config.portalRateLimitPer5Min,
    bucketRemoval: settings.bucketRemoval,
    ...logs,
  });
  const web = new WebStack(app, name('Web'), {
    env,
    tags,
    description: `Beatlink portal hosting (${config.stage}): the static portal in S3 behind CloudFront (origin access control, security headers, WAF)`,
    stackPrefix: config.stackPrefix,
    removalPolicy: settings.bucketRemoval,
    domain: config.portalDomain && config.portalCertificateArn ? { name: config.portalDomain, certificateArn: config.portalCertificateArn } : undefined,
    webAclArn: edge.portalWebAclArn,
    distributionLogBucket: edge.distributionLogBucket,
    allowedCountries: config.portalCountries,
  });
  // The only origin the API and the attachment bucket accept: the portal's, unless overridden.
  const portalOrigin = config.portalOrigin ?? web.portalOrigin;
  const storage = new StorageStack(app, name('Storage'), {
    env,
    tags,
    description: `Beatlink storage (${config.stage}): the attachment bucket (pre-signed uploads and downloads) and its access logs`,
    portalOrigin,
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
    personalDataKey: data.personalDataKey,
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
    personalDataKey: data.personalDataKey,
    portalOrigin,
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

  const publicApiEdge = new PublicApiEdgeStack(app, name('PublicApiEdge'), {
    env,
    tags,
    description: `Beatlink public API edge (${config.stage}): CloudFront with WAF in front of the Open311 and REST v1 routes`,
    httpApi: api.httpApi,
    originVerifySecret: api.originVerifySecret,
    webAclArn: edge.publicApiWebAclArn,
    logBucket: edge.distributionLogBucket,
    domainName: config.publicApiDomain,
    certificateArn: config.publicApiCertificateArn,
  });

  // After the API and the user pool: the portal's runtime config names them.
  const portalContent =
    options.portalExportDir === undefined
      ? undefined
      : new PortalContentStack(app, name('PortalContent'), {
          env,
          tags,
          description: `Beatlink portal content (${config.stage}): the portal's static export and its runtime config`,
          stackPrefix: config.stackPrefix,
          exportDir: options.portalExportDir,
          runtimeConfig: {
            apiUrl: api.stage.url,
            region: config.region,
            userPoolId: auth.userPool.userPoolId,
            userPoolClientId: auth.portalClient.userPoolClientId,
            publicApiUrl: publicApiEdge.publicApiUrl,
            stage: 'aws',
          },
        });

  // The content stack names the portal bucket rather than importing it: deploy it after the bucket exists.
  portalContent?.addStackDependency(web);

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { data, auth, api, jobs, storage, observability, edge, publicApiEdge, web, portalContent };
}
