import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StageSettings } from './config';
import type { HandlerFunction } from './handler-function';

/** The table operations the functions use (table-access.ts): throttles and system errors of these. */
export const WATCHED_TABLE_OPERATIONS: dynamodb.Operation[] = [
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.BATCH_GET_ITEM,
  dynamodb.Operation.QUERY,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.DELETE_ITEM,
  dynamodb.Operation.BATCH_WRITE_ITEM,
  dynamodb.Operation.TRANSACT_WRITE_ITEMS,
  dynamodb.Operation.TRANSACT_GET_ITEMS,
];

const PERIOD = Duration.minutes(5);

export interface ObservabilityStackProps extends StackProps {
  settings: StageSettings;
  /** Subscribed to the alarm topic by e-mail (the recipient confirms the subscription). */
  alarmEmail?: string;
  httpApi: apigwv2.IHttpApi;
  /** The bounded contexts' functions (ApiStack.functions). */
  apiFunctions: Record<string, HandlerFunction>;
  /** The scheduled jobs' functions by job name (JobsStack.jobs). */
  jobFunctions: Record<string, HandlerFunction>;
  webhookFanout: HandlerFunction;
  scheduleGroup: scheduler.IScheduleGroup;
  /** The dead-letter queues: name → queue (scheduler DLQ, webhook fan-out failure queue). */
  deadLetterQueues: Record<string, sqs.IQueue>;
  table: dynamodb.ITableV2;
}

/**
 * One dashboard and the alarms that say "something is wrong": API 5xx rate, Lambda throttles,
 * DynamoDB throttles, any message in a dead-letter queue, any job failure, a webhook fan-out
 * falling behind the table stream. Alarms notify an SNS topic encrypted with a customer-managed
 * key (and, with `-c alarmEmail=…`, an e-mail address). Thresholds and whether alarms notify at
 * all depend on the stage (config.ts stageSettings).
 */
export class ObservabilityStack extends Stack {
  readonly alarmTopic: sns.Topic;
  readonly alarmTopicKey: kms.Key;
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const thresholds = settings.alarms;

    this.alarmTopicKey = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the Beatlink alarm topic',
      enableKeyRotation: true,
      removalPolicy: settings.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    // CloudWatch publishes alarm notifications to the encrypted topic with this key.
    this.alarmTopicKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: `Beatlink ${settings.stage} alarms`,
      masterKey: this.alarmTopicKey,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const topicAction = new actions.SnsAction(this.alarmTopic);

    const alarm = (alarmId: string, alarmProps: cloudwatch.AlarmProps): cloudwatch.Alarm => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        actionsEnabled: thresholds.actionsEnabled,
        ...alarmProps,
        alarmDescription: `[${settings.stage}] ${alarmProps.alarmDescription}`,
      });
      created.addAlarmAction(topicAction);
      created.addOkAction(topicAction);
      this.alarms.push(created);
      return created;
    };

    // --- API -------------------------------------------------------------------------------
    const requests = props.httpApi.metricCount({ period: PERIOD, statistic: 'Sum' });
    const clientErrors = props.httpApi.metricClientError({ period: PERIOD, statistic: 'Sum' });
    const serverErrors = props.httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' });
    const serverErrorRate = new cloudwatch.MathExpression({
      expression: '100 * FILL(e, 0) / MAX([FILL(n, 0), 1])',
      usingMetrics: { e: serverErrors, n: requests },
      period: PERIOD,
      label: '5xx % of requests',
    });
    alarm('Api5xxRate', {
      alarmDescription: `API 5xx responses above ${thresholds.api5xxPercent}% of requests in 2 of 3 five-minute periods`,
      metric: serverErrorRate,
      threshold: thresholds.api5xxPercent,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });

    // --- Lambda ----------------------------------------------------------------------------
    const allFunctions: [string, HandlerFunction][] = [
      ...Object.entries(props.apiFunctions).map(([name, fn]) => [`api-${name}`, fn] as [string, HandlerFunction]),
      ...Object.entries(props.jobFunctions).map(([name, fn]) => [`job-${name}`, fn] as [string, HandlerFunction]),
      ['stream-webhook-fanout', props.webhookFanout],
    ];
    for (const [name, fn] of allFunctions) {
      alarm(`Throttles-${name}`, {
        alarmDescription: `Lambda ${name}: more than ${thresholds.lambdaThrottles} throttled invocations in five minutes (concurrency limit reached)`,
        metric: fn.function.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
        threshold: thresholds.lambdaThrottles,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
      });
    }
    // A job run that throws has failed for at least one county (per-tenant-job.ts); Scheduler retries it.
    for (const [job, fn] of Object.entries(props.jobFunctions)) {
      alarm(`JobErrors-${job}`, {
        alarmDescription: `Scheduled job ${job} failed (a county's run threw, or the run timed out); see its log group`,
        metric: fn.function.metricErrors({ period: PERIOD, statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
    }
    const iteratorAge = props.webhookFanout.function.metric('IteratorAge', { period: PERIOD, statistic: 'Maximum' });
    alarm('WebhookFanoutIteratorAge', {
      alarmDescription: `webhook-fanout is more than ${Math.round(thresholds.iteratorAgeMs / 60_000)} minutes behind the table stream (records expire after 24 hours)`,
      metric: iteratorAge,
      threshold: thresholds.iteratorAgeMs,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });

    // --- Queues ----------------------------------------------------------------------------
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(`DeadLetters-${name}`, {
        alarmDescription: `Dead-letter queue ${name} holds a message: an event failed all its retries (inspect and redrive it)`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
      });
    }

    // --- DynamoDB --------------------------------------------------------------------------
    const operations = [...WATCHED_TABLE_OPERATIONS];
    const tableThrottles = props.table.metricThrottledRequestsForOperations({ operations, period: PERIOD, statistic: 'Sum' });
    const tableSystemErrors = props.table.metricSystemErrorsForOperations({ operations, period: PERIOD, statistic: 'Sum' });
    alarm('TableThrottles', {
      alarmDescription: `More than ${thresholds.dynamoThrottles} throttled table requests in five minutes (on-demand limits, a hot partition)`,
      metric: tableThrottles,
      threshold: thresholds.dynamoThrottles,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });

    // --- Dashboard -------------------------------------------------------------------------
    const perFunction = (entries: [string, HandlerFunction][], metric: (fn: HandlerFunction) => cloudwatch.Metric) =>
      entries.map(([name, fn]) => metric(fn).with({ label: name }));
    const apiEntries = Object.entries(props.apiFunctions);
    const jobEntries = Object.entries(props.jobFunctions);
    const graph = (title: string, left: cloudwatch.IMetric[], width = 8, right?: cloudwatch.IMetric[]) =>
      new cloudwatch.GraphWidget({ title, left, right, width, height: 6, legendPosition: cloudwatch.LegendPosition.RIGHT });
    const schedulerMetric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/Scheduler',
        metricName,
        dimensionsMap: { ScheduleGroup: props.scheduleGroup.scheduleGroupName },
        period: PERIOD,
        statistic: 'Sum',
      });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: this.stackName,
      defaultInterval: Duration.hours(12),
    });
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({ markdown: `# Beatlink ${settings.stage}\nAPI, functions per bounded context, jobs per schedule, the table, dead letters and the webhook fan-out.`, width: 24, height: 2 }),
    );
    this.dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 }));
    this.dashboard.addWidgets(
      graph('API requests, 4xx, 5xx', [requests.with({ label: 'requests' }), clientErrors.with({ label: '4xx' }), serverErrors.with({ label: '5xx' })]),
      graph('API 5xx rate (%)', [serverErrorRate]),
      graph('API latency (ms)', [
        props.httpApi.metricLatency({ period: PERIOD, statistic: 'p50', label: 'p50' }),
        props.httpApi.metricLatency({ period: PERIOD, statistic: 'p99', label: 'p99' }),
        props.httpApi.metricIntegrationLatency({ period: PERIOD, statistic: 'p99', label: 'integration p99' }),
      ]),
    );
    this.dashboard.addWidgets(
      graph('Context errors', perFunction(apiEntries, (fn) => fn.function.metricErrors({ period: PERIOD, statistic: 'Sum' }))),
      graph('Context throttles', perFunction(apiEntries, (fn) => fn.function.metricThrottles({ period: PERIOD, statistic: 'Sum' }))),
      graph('Context duration p99 (ms)', perFunction(apiEntries, (fn) => fn.function.metricDuration({ period: PERIOD, statistic: 'p99' }))),
    );
    this.dashboard.addWidgets(
      graph('Job failures per schedule', perFunction(jobEntries, (fn) => fn.function.metricErrors({ period: PERIOD, statistic: 'Sum' }))),
      graph('Job duration max (ms)', perFunction(jobEntries, (fn) => fn.function.metricDuration({ period: PERIOD, statistic: 'Maximum' }))),
      graph('Scheduler target errors and dead letters', [
        schedulerMetric('TargetErrorCount').with({ label: 'target errors' }),
        schedulerMetric('InvocationsSentToDeadLetterCount').with({ label: 'sent to DLQ' }),
        schedulerMetric('InvocationDroppedCount').with({ label: 'dropped' }),
      ]),
    );
    this.dashboard.addWidgets(
      graph('DynamoDB throttled requests', [tableThrottles]),
      graph('DynamoDB system errors', [tableSystemErrors]),
      graph(
        'Dead-letter queue depth',
        Object.entries(props.deadLetterQueues).map(([name, queue]) => queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum', label: name })),
      ),
    );
    this.dashboard.addWidgets(
      graph('Webhook fan-out iterator age (ms)', [iteratorAge.with({ label: 'max iterator age' })], 12),
      graph('Webhook fan-out failures', [
        props.webhookFanout.function.metricErrors({ period: PERIOD, statistic: 'Sum', label: 'errors' }),
        props.webhookFanout.function.metricThrottles({ period: PERIOD, statistic: 'Sum', label: 'throttles' }),
      ], 12),
    );
  }
}
