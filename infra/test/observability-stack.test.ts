import { describe, expect, it } from 'vitest';
import { Stack } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { BOUNDED_CONTEXTS } from '@beatlink/functions/routes';
import { schedules } from '@beatlink/functions/schedules';
import { buildTestApp } from './support';

const jobNames = [...new Set(schedules.map((s) => s.job))];

describe('observability stack', () => {
  const { stacks } = buildTestApp({ config: { stage: 'prod', alarmEmail: 'ops@example.cn' } });
  const template = Template.fromStack(stacks.observability);
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties as Record<string, unknown>);
  const jobsId = (element: { node: { defaultChild?: unknown } }) => Stack.of(stacks.jobs).getLogicalId(element.node.defaultChild as CfnElement);

  it('sends alarms to an SNS topic encrypted with a rotating KMS key, TLS only, with the e-mail subscription', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.cn' });
    for (const alarm of alarms) {
      expect(alarm.ActionsEnabled).toBe(true);
      expect(alarm.AlarmActions).toEqual([{ Ref: expect.stringMatching(/AlarmTopic/) }]);
    }
  });

  it('alarms on the API 5xx rate (1% in prod)', () => {
    const rate = alarms.find((a) => String(a.AlarmDescription).includes('5xx'));
    expect(rate).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' });
  });

  it('alarms on throttles of every function (contexts, jobs, fan-out)', () => {
    const throttles = alarms.filter((a) => a.MetricName === 'Throttles');
    expect(throttles).toHaveLength(BOUNDED_CONTEXTS.length + jobNames.length + 1);
  });

  it.each(jobNames)('alarms on any error of job %s', (job) => {
    const fnId = jobsId(stacks.jobs.jobs[job]!.function);
    expect(alarms).toContainEqual(
      expect.objectContaining({
        MetricName: 'Errors',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Dimensions: [{ Name: 'FunctionName', Value: { 'Fn::ImportValue': expect.stringContaining(fnId) } }],
      }),
    );
  });

  it.each([
    ['the scheduler DLQ', () => stacks.jobs.deadLetterQueue],
    ['the webhook fan-out failure queue', () => stacks.jobs.webhookFanoutFailureQueue],
  ])('alarms when %s holds any message', (_name, queue) => {
    expect(alarms).toContainEqual(
      expect.objectContaining({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::ImportValue': expect.stringContaining(jobsId(queue())) } }],
      }),
    );
  });

  it('alarms on DynamoDB throttles and the fan-out iterator age (5 minutes in prod)', () => {
    expect(alarms.filter((a) => String(a.AlarmDescription).includes('throttled table requests'))).toHaveLength(1);
    expect(alarms).toContainEqual(expect.objectContaining({ MetricName: 'IteratorAge', Threshold: 300_000 }));
  });

  it('has one dashboard covering the API, contexts, jobs, table, dead letters and the fan-out', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const body = JSON.stringify(template.findResources('AWS::CloudWatch::Dashboard'));
    for (const title of ['API requests, 4xx, 5xx', 'API latency', 'Context errors', 'Context throttles', 'Job failures per schedule', 'DynamoDB throttled requests', 'DynamoDB system errors', 'Dead-letter queue depth', 'Webhook fan-out iterator age']) {
      expect(body).toContain(title);
    }
  });

  it('dev: the same alarms, looser, notifying nobody unless an alarm e-mail is given', () => {
    const dev = Template.fromStack(buildTestApp({ config: { stage: 'dev' } }).stacks.observability);
    const devAlarms = Object.values(dev.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties as Record<string, unknown>);
    expect(devAlarms).toHaveLength(alarms.length);
    for (const alarm of devAlarms) expect(alarm.ActionsEnabled).toBe(false);
    dev.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
