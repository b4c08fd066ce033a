import { describe, expect, it } from 'vitest';
import { Stack } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { schedules } from '@beatlink/functions/schedules';
import type { ScheduleDef } from '@beatlink/functions/schedules';
import { buildTestApp } from './support';

describe('jobs stack with the real schedule table', () => {
  const { stacks } = buildTestApp();
  const template = Template.fromStack(stacks.jobs);

  it('has one schedule and one job function per entry of schedules.ts, and the webhook fan-out function', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', schedules.length);
    template.resourceCountIs('AWS::Lambda::Function', new Set(schedules.map((s) => s.job)).size + 1);
    for (const schedule of schedules) {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        Target: Match.objectLike({ Input: JSON.stringify({ job: schedule.job, perTenant: schedule.perTenant }) }),
      });
    }
  });

  it('retries webhook deliveries every minute for every county (deliver-webhooks)', () => {
    expect(schedules.find((s) => s.job === 'deliver-webhooks')).toMatchObject({ cron: '* * * * *', perTenant: true });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(* * * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: Match.objectLike({ Input: JSON.stringify({ job: 'deliver-webhooks', perTenant: true }) }),
    });
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

describe('jobs stack: tenant-scoped data access and dead letters', () => {
  const { stacks } = buildTestApp();
  const jobs = stacks.jobs;
  const template = Template.fromStack(jobs);
  const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
  const idOf = (element: { node: { defaultChild?: unknown } }) => Stack.of(jobs).getLogicalId(element.node.defaultChild as CfnElement);
  const statementsOf = (roleId: string) =>
    Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((r) => (r.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown; Condition?: unknown }[] }).Statement);
  const roleArn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::123456789012:role/${name}`]] });

  it('has a DLQ on every schedule target (one per entry of schedules.ts), with retries', () => {
    const scheduled = Object.values(resources).filter((r) => r.Type === 'AWS::Scheduler::Schedule');
    expect(scheduled).toHaveLength(schedules.length);
    for (const schedule of scheduled) {
      expect(schedule.Properties.Target).toMatchObject({
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(jobs.deadLetterQueue), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 3 },
      });
    }
  });

  it.each([...new Set(schedules.map((s) => s.job)), 'webhook-fanout'])('%s: no table item action of its own; assumes the tenant role with a TenantId tag', (job) => {
    const fn = job === 'webhook-fanout' ? jobs.webhookFanout : jobs.jobs[job]!;
    const statements = statementsOf(idOf(fn.role));
    const itemActions = statements.flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('dynamodb:') && !['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'].includes(a));
    expect(itemActions).toEqual([]);
    expect(statements.flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('s3:'))).toEqual([]);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Resource: roleArn('Beatlink-Dev-ap-east-1-TenantData'),
        Condition: { StringLike: { 'aws:RequestTag/TenantId': '??????' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['TenantId'] } },
      }),
    );
    const variables = (resources[idOf(fn.function)]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.TENANT_DATA_ROLE_ARN).toEqual(roleArn('Beatlink-Dev-ap-east-1-TenantData'));
    // Scheduled jobs list counties (or provinces) first: the platform role too; the stream consumer never.
    if (job === 'webhook-fanout') expect(variables.PLATFORM_DATA_ROLE_ARN).toBeUndefined();
    else {
      expect(variables.PLATFORM_DATA_ROLE_ARN).toEqual(roleArn('Beatlink-Dev-ap-east-1-PlatformData'));
      expect(statements).toContainEqual(expect.objectContaining({ Action: 'sts:AssumeRole', Resource: roleArn('Beatlink-Dev-ap-east-1-PlatformData') }));
    }
  });

  it('tells province-rollup which provinces the deployment serves', () => {
    const variables = (resources[idOf(jobs.jobs['province-rollup']!.function)]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.PROVINCE_IDS).toBe('370000');
  });
});

describe('jobs stack: webhook fan-out from the table stream', () => {
  const { stacks } = buildTestApp();
  const jobs = stacks.jobs;
  const template = Template.fromStack(jobs);
  const idOf = (element: { node: { defaultChild?: unknown } }) => Stack.of(jobs).getLogicalId(element.node.defaultChild as CfnElement);
  const fanoutFunctionId = idOf(jobs.webhookFanout.function);
  const failureQueueId = idOf(jobs.webhookFanoutFailureQueue);
  const streamArn = { 'Fn::ImportValue': Match.stringLikeRegexp('StreamArn') };

  it('maps the stream to webhook-fanout: new matter events only, LATEST, batches of 100 within 1 s', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fanoutFunctionId },
      EventSourceArn: streamArn,
      StartingPosition: 'LATEST',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 1,
      FilterCriteria: {
        Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { _et: { S: ['matterEvent'] } } } }) }],
      },
    });
  });

  it('bisects failing batches, takes partial batch responses, retries 10 times for at most a day, then the on-failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 86400,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failureQueueId, 'Arn'] } } },
    });
  });

  it('the on-failure queue is encrypted and TLS-only', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: failureQueueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('webhook-fanout: nodejs22.x arm64, APP_STAGE aws, no VPC; reads the stream, tenant-scoped table access only, sends to its failure queue', () => {
    const fn = (template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>)[fanoutFunctionId]!.Properties;
    expect(fn).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Environment: { Variables: { APP_STAGE: 'aws', TABLE_NAME: { 'Fn::ImportValue': expect.stringMatching(/Table/) } } },
    });
    expect(fn.VpcConfig).toBeUndefined();
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: idOf(jobs.webhookFanout.role) }],
      PolicyDocument: {
        // (in the order the grants add them)
        Statement: Match.arrayWith([
          Match.objectLike({ Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':role/Beatlink-Dev-ap-east-1-TenantData$')])] } }),
          Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']), Resource: { 'Fn::GetAtt': [failureQueueId, 'Arn'] } }),
          Match.objectLike({ Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], Resource: streamArn }),
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
      .filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && !id.startsWith('WebhookFanout'))
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

describe('jobs stack: the personal-data key (MASTER_KEY_ID)', () => {
  const { stacks } = buildTestApp();
  const jobs = stacks.jobs;
  const resources = Template.fromStack(jobs).toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
  const keyArn = jobs.resolve(stacks.data.personalDataKey.keyArn) as unknown;

  it('every job that assumes the tenant role is told the key (imported from the data stack), none a key file', () => {
    expect(keyArn).toEqual({ 'Fn::ImportValue': expect.stringMatching(/Data:.*PersonalDataKey/) });
    const variables = Object.values(resources)
      .filter((r) => r.Type === 'AWS::Lambda::Function')
      .map((fn) => (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {});
    expect(variables.filter((v) => v.TENANT_DATA_ROLE_ARN !== undefined)).toHaveLength(Object.keys(jobs.jobs).length + 1);
    for (const v of variables) {
      expect(v.MASTER_KEY_ID).toEqual(v.TENANT_DATA_ROLE_ARN === undefined ? undefined : keyArn);
      expect(v.MASTER_KEY_FILE).toBeUndefined();
    }
  });

  it('no job role gets a permission on the key: it is used through the tenant session only', () => {
    for (const [id, resource] of Object.entries(resources)) {
      if (!['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].includes(resource.Type)) continue;
      expect(JSON.stringify(resource), id).not.toContain(JSON.stringify(keyArn));
      const statements = (resource.Properties.PolicyDocument as { Statement?: { Action: string | string[]; Resource: unknown }[] } | undefined)?.Statement ?? [];
      const kmsOnAll = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('kms:')) && [s.Resource].flat().includes('*'));
      expect(kmsOnAll, id).toEqual([]);
    }
  });
});
