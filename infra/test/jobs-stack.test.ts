import { describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { schedules } from '@beatlink/functions/schedules';
import type { ScheduleDef } from '@beatlink/functions/schedules';
import { buildTestApp } from './support';

describe('jobs stack with the real schedule table', () => {
  const { stacks } = buildTestApp();
  const template = Template.fromStack(stacks.jobs);

  it('has one schedule and one job function per entry of schedules.ts', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', schedules.length);
    template.resourceCountIs('AWS::Lambda::Function', new Set(schedules.map((s) => s.job)).size);
  });

  it('runs the supervision job (督导) every 15 minutes for every county', () => {
    expect(schedules.find((s) => s.job === 'supervise-matters')).toMatchObject({ cron: '*/15 * * * *', perTenant: true });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0/15 * * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: Match.objectLike({ Input: JSON.stringify({ job: 'supervise-matters', perTenant: true }) }),
    });
  });

  it('always has the dead-letter queue, encrypted and TLS-only', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('jobs stack with sample schedules', () => {
  const sample: ScheduleDef[] = [
    { job: 'weekly-analysis', cron: '0 6 * * 1', perTenant: true, description: 'Monday 06:00 analysis' },
    { job: 'reminders', cron: '*/15 8-18 * * *', perTenant: false, description: 'Reminders every 15 minutes' },
  ];
  const { app, stacks } = buildTestApp({ schedules: sample });
  const template = Template.fromStack(stacks.jobs);
  const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;

  it.each(sample)('$job: Scheduler cron in Asia/Shanghai with retries and the DLQ', (schedule) => {
    const expected = {
      'weekly-analysis': 'cron(0 6 ? * 2 *)',
      reminders: 'cron(0/15 8-18 * * ? *)',
    }[schedule.job];
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: expected,
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
        RoleArn: Match.anyValue(),
        Input: JSON.stringify({ job: schedule.job, perTenant: schedule.perTenant }),
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ScheduleDeadLetterQueue'), 'Arn'] } },
      },
    });
  });

  it('lets the scheduler role invoke exactly the job functions', () => {
    const functionArns = Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::Lambda::Function')
      .map(([id]) => ({ 'Fn::GetAtt': [id, 'Arn'] }));
    expect(functionArns).toHaveLength(sample.length);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith(functionArns.map((arn) => ({ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: arn }))),
      },
    });
  });

  it('stays free of cdk-nag findings with schedules present', () => {
    app.synth();
    expect(new AwsSolutionsChecks().validateScope(app).violations).toEqual([]);
  });
});
