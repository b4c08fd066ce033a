import { Duration, Stack, TimeZone, Token, Validations } from 'aws-cdk-lib';
import type { RemovalPolicy } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { schedules as SCHEDULES } from '@beatlink/functions/schedules';
import type { ScheduleDef } from '@beatlink/functions/schedules';
import { HandlerFunction, jobEntry } from './handler-function';
import { toSchedulerCron } from './schedule-expression';
import { grantPlatformAssume, grantTenantAssume, roleArnOf } from './data-access';
import type { DataAccessRoleNames } from './data-access';
import type { TableAccess } from './table-access';

/**
 * Every county defaults to Asia/Shanghai (China has one time zone). The schedule fires there; a
 * `perTenant` job receives `perTenant: true` and runs once per active county itself.
 */
export const SCHEDULE_TIME_ZONE = TimeZone.ASIA_SHANGHAI;

/**
 * The jobs that fan the notification outbox out (delivery, and the jobs that deliver at their
 * end): only these may send e-mail (SES) and SMS (SNS).
 */
export const DELIVERING_JOBS: readonly string[] = ['deliver-notifications', 'send-reminders', 'supervise-matters', 'weekly-analysis', 'daily-dispatch', 'monthly-scoring', 'spot-check-draw'];

/** The sender of notification e-mails when neither the prop nor `-c notifyEmailFrom=…` names one. */
export const DEFAULT_NOTIFY_EMAIL_FROM = 'no-reply@beatlink.example.cn';

export interface JobsStackProps extends StackProps, TableAccess {
  /** The verified SES identity notification e-mails come from; else context `notifyEmailFrom`. */
  notifyEmailFrom?: string;
  /** The schedule table; defaults to functions/src/schedules.ts. */
  schedules?: readonly ScheduleDef[];
  /** Pre-built handler code instead of bundling the entries (assertion tests only). */
  handlerCode?: lambda.Code;
  /** Fixed names of the data-access roles the API stack creates (data-access.ts). */
  dataAccessRoleNames: DataAccessRoleNames;
  /** The KMS key that wraps the counties' data keys (DataStack), used through the tenant role. */
  personalDataKey: kms.IKey;
  /** The provinces this deployment serves (PROVINCE_IDS of province-rollup). */
  provinces?: string[];
  /** Per-stage log retention and removal (one year, retained, if unset). */
  logRetention?: logs.RetentionDays;
  logRemoval?: RemovalPolicy;
}

/** The platform job: once for every province, not per county. */
export const PLATFORM_JOBS: readonly string[] = ['province-rollup'];

/** The stream consumer that turns matter timeline events into webhook deliveries. */
export const WEBHOOK_FANOUT = 'webhook-fanout';

/**
 * Scheduled jobs: one EventBridge Scheduler schedule per entry of schedules.ts, invoking that
 * job's function with retries; events that still fail land in a dead-letter queue. Also the
 * table stream's consumer, `webhook-fanout` (the timeline events are the webhook outbox).
 *
 * Data access (data-access.ts): no job role reaches the table directly. A per-county job lists
 * the active counties with PlatformDataAccessRole, then runs each county with
 * TenantDataAccessRole tagged with that county; province-rollup writes rollups with the platform
 * role and reads each county's figures with the tenant role; webhook-fanout runs each record
 * with the tenant role of the record's county. The API stack's role trust names these roles.
 */
export class JobsStack extends Stack {
  readonly deadLetterQueue: sqs.Queue;
  readonly scheduleGroup: scheduler.ScheduleGroup;
  readonly schedulerRole: iam.Role;
  readonly jobs: Record<string, HandlerFunction> = {};
  readonly webhookFanout: HandlerFunction;
  /** Where the stream mapping puts a batch's metadata once its retries are exhausted. */
  readonly webhookFanoutFailureQueue: sqs.Queue;
  /** The execution roles that assume TenantDataAccessRole / PlatformDataAccessRole. */
  readonly tenantAccessRoles: iam.IRole[] = [];
  readonly platformAccessRoles: iam.IRole[] = [];
  private readonly tenantRoleArn: string;
  private readonly platformRoleArn: string;

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);
    const schedules = props.schedules ?? SCHEDULES;
    this.tenantRoleArn = roleArnOf(this, props.dataAccessRoleNames.tenant);
    this.platformRoleArn = roleArnOf(this, props.dataAccessRoleNames.platform);

    this.deadLetterQueue = new sqs.Queue(this, 'ScheduleDeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the EventBridge Scheduler targets; a DLQ of a DLQ would have nothing to redrive to.',
    });

    this.scheduleGroup = new scheduler.ScheduleGroup(this, 'ScheduleGroup');

    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'EventBridge Scheduler: invokes the job functions and writes failed events to the dead-letter queue',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': this.account },
      }),
    });
    this.deadLetterQueue.grantSendMessages(this.schedulerRole);

    const perJob = new Map<string, number>();
    for (const schedule of schedules) {
      const fn = this.jobFunction(schedule.job, props);
      const n = (perJob.get(schedule.job) ?? 0) + 1;
      perJob.set(schedule.job, n);
      new scheduler.Schedule(this, `Schedule-${schedule.job}-${n}`, {
        description: schedule.description,
        scheduleGroup: this.scheduleGroup,
        schedule: scheduler.ScheduleExpression.expression(toSchedulerCron(schedule.cron), SCHEDULE_TIME_ZONE),
        target: {
          bind: () => ({
            arn: fn.function.functionArn,
            role: this.schedulerRole,
            input: scheduler.ScheduleTargetInput.fromObject({ job: schedule.job, perTenant: schedule.perTenant }),
            retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: Duration.hours(2).toSeconds() },
            deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
          }),
        },
      });
    }

    this.webhookFanoutFailureQueue = new sqs.Queue(this, 'WebhookFanoutFailureQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.webhookFanoutFailureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the on-failure destination (the dead letters) of the webhook-fanout stream mapping; it holds the shard and sequence numbers of failed batches, and a DLQ of it would have nothing to redrive to.',
    });
    this.webhookFanout = this.webhookFanoutFunction(props);
  }

  /**
   * `webhook-fanout`: reads the table stream, and for each new matter timeline event writes the
   * county's webhook deliveries and makes their first attempt (outbound HTTPS, no VPC). A batch
   * holds events of any county, but each record names its county (`T#<county>#MATTER_EVENT#…`):
   * it is processed with that county's tenant-scoped credentials (webhook endpoints, deliveries
   * and the data keys that unseal the webhook secrets are all tenant items). Its own role reads
   * the stream only. Retries after the first attempt are the `deliver-webhooks` schedule's.
   */
  private webhookFanoutFunction(props: JobsStackProps): HandlerFunction {
    const fn = new HandlerFunction(this, 'WebhookFanout', {
      entry: jobEntry(WEBHOOK_FANOUT),
      description: 'Beatlink table stream consumer "webhook-fanout": matter events to webhook deliveries',
      environment: { TABLE_NAME: props.table.tableName },
      serviceName: `beatlink-job-${WEBHOOK_FANOUT}`,
      memorySize: 512,
      // 100 records × the county's webhooks, attempts bounded in concurrency and WEBHOOK_TIMEOUT_MS each.
      timeout: Duration.minutes(2),
      code: props.handlerCode,
      logRetention: props.logRetention,
      logRemoval: props.logRemoval,
    });
    grantTenantAssume(fn, this.tenantRoleArn, props.personalDataKey.keyArn);
    this.tenantAccessRoles.push(fn.role);
    fn.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        // A failing record is isolated by halving the batch, and the handler reports the records
        // it could not process (ReportBatchItemFailures) so the rest are not re-sent.
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.webhookFanoutFailureQueue),
        // Only new matter timeline events invoke the function (the handler checks again).
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { _et: { S: lambda.FilterRule.isEqual('matterEvent') } } },
          }),
        ],
      }),
    );
    return fn;
  }

  /** The job's function, created on first use; the scheduler role may invoke exactly it. */
  private jobFunction(job: string, props: JobsStackProps): HandlerFunction {
    const existing = this.jobs[job];
    if (existing) return existing;
    const delivers = DELIVERING_JOBS.includes(job);
    const notifyEmailFrom = props.notifyEmailFrom ?? (this.node.tryGetContext('notifyEmailFrom') as string | undefined) ?? DEFAULT_NOTIFY_EMAIL_FROM;
    const fn = new HandlerFunction(this, `${job}Job`, {
      entry: jobEntry(job),
      description: `Beatlink scheduled job "${job}"`,
      environment: {
        TABLE_NAME: props.table.tableName,
        ...(delivers ? { NOTIFY_EMAIL_FROM: notifyEmailFrom } : {}),
        ...(PLATFORM_JOBS.includes(job) && props.provinces ? { PROVINCE_IDS: props.provinces.join(',') } : {}),
      },
      serviceName: `beatlink-job-${job}`,
      memorySize: 1024,
      timeout: Duration.minutes(5),
      code: props.handlerCode,
      logRetention: props.logRetention,
      logRemoval: props.logRemoval,
    });
    // Every job lists counties (platform) and works on each county (tenant-scoped); see the class comment.
    grantPlatformAssume(fn, this.platformRoleArn);
    grantTenantAssume(fn, this.tenantRoleArn, props.personalDataKey.keyArn);
    this.platformAccessRoles.push(fn.role);
    this.tenantAccessRoles.push(fn.role);
    if (delivers) this.grantMessaging(fn);
    this.schedulerRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.function.functionArn] }));
    this.jobs[job] = fn;
    return fn;
  }

  /** SES SendEmail from the account's identities and SNS Publish (SMS to phone numbers). */
  private grantMessaging(fn: HandlerFunction): void {
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [this.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })],
      }),
    );
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    // Resource "*" is already acknowledged on every handler role (X-Ray); sns:Publish shares it:
    // SMS go to phone numbers, which have no ARN, so AWS requires Resource "*" for them too.
    const rendered = (value: string, token: string) => (Token.isUnresolved(value) ? token : value);
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:${rendered(this.region, '<AWS::Region>')}:${rendered(this.account, '<AWS::AccountId>')}:identity/*]`,
      reason: 'Notification e-mail: SES authorises SendEmail against the sender identity and, while the account is in the SES sandbox, every recipient identity; recipients are not known at deploy time, so identity/* of this account and region.',
    });
  }
}
