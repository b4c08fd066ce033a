import { describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { TABLE_DEFINITION } from '@beatlink/functions/data/table-definition';
import { DataStack } from '../lib/data-stack';
import { buildTestApp, TEST_ENV } from './support';

const { stacks } = buildTestApp({ config: { stage: 'prod' } });
const template = Template.fromStack(stacks.data);
const keySchema = (partitionKey: string, sortKey: string) => [
  { AttributeName: partitionKey, KeyType: 'HASH' },
  { AttributeName: sortKey, KeyType: 'RANGE' },
];

describe('data stack', () => {
  it('has exactly one table, keyed pk/sk as TABLE_DEFINITION says, on demand', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    expect(TABLE_DEFINITION.partitionKey).toBe('pk');
    expect(TABLE_DEFINITION.sortKey).toBe('sk');
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: keySchema('pk', 'sk'),
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('has the eight GSIs (directory parents, matter inboxes) with their key attributes, all string-typed', () => {
    const indexes = TABLE_DEFINITION.globalIndexes;
    expect(indexes.map((index) => index.indexName)).toEqual(['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5', 'gsi6', 'gsi7', 'gsi8']);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      GlobalSecondaryIndexes: indexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection: { ProjectionType: 'ALL' },
      })),
      AttributeDefinitions: Match.arrayWith(
        ['pk', 'sk', ...indexes.flatMap((index) => [index.partitionKey, index.sortKey])].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      ),
    });
  });

  it('expires items by the TTL attribute expiresAt', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('streams new images (the webhook outbox), as TABLE_DEFINITION says, and exports the stream ARN', () => {
    expect(TABLE_DEFINITION.stream).toBe('NEW_IMAGE');
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
    const tableId = Object.keys(template.findResources('AWS::DynamoDB::GlobalTable'))[0];
    template.hasOutput('*', { Value: { 'Fn::GetAtt': [tableId, 'StreamArn'] }, Export: Match.anyValue() });
  });

  it('PITR and deletion protection in prod: the table and its key are retained on stack deletion', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });

  it.each(['staging', 'prod'] as const)('%s: PITR, deletion protection, table and key retained', (stage) => {
    const staged = Template.fromStack(buildTestApp({ config: { stage } }).stacks.data);
    staged.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
      }),
    });
    staged.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
  });

  it('dev: PITR still on, but no deletion protection and the table is deleted with the stack', () => {
    const dev = Template.fromStack(buildTestApp({ config: { stage: 'dev' } }).stacks.data);
    dev.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: false })],
      }),
    });
  });

  it('is encrypted with a customer-managed KMS key that rotates', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const keyId = stacks.data.getLogicalId(stacks.data.tableKey.node.defaultChild as CfnElement);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [Match.objectLike({ SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } } })],
    });
  });

  it('leaves contributor insights off unless the context asks for them', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ ContributorInsightsSpecification: Match.absent() })],
    });
    const withInsights = Template.fromStack(new DataStack(new App({ builtinCloudFormationValidation: false }), 'Insights', { env: TEST_ENV, contributorInsights: true }));
    withInsights.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ ContributorInsightsSpecification: { Enabled: true } })],
    });
  });
});

describe('data stack: the personal-data key', () => {
  const data = stacks.data;
  const keyId = data.getLogicalId(data.personalDataKey.node.defaultChild as CfnElement);
  const keys = template.findResources('AWS::KMS::Key');

  it('is a second customer-managed key, separate from the table key, rotating yearly', () => {
    expect(Object.keys(keys)).toHaveLength(2);
    expect(keyId).not.toBe(data.getLogicalId(data.tableKey.node.defaultChild as CfnElement));
    expect(keys[keyId]?.Properties).toMatchObject({ EnableKeyRotation: true, PendingWindowInDays: 7, Description: expect.stringMatching(/data keys/) });
  });

  it('is retained in prod (losing it loses every sealed field), deleted with a dev stack', () => {
    expect(keys[keyId]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    const dev = buildTestApp({ config: { stage: 'dev' } }).stacks.data;
    const devKeys = Template.fromStack(dev).findResources('AWS::KMS::Key');
    expect(devKeys[dev.getLogicalId(dev.personalDataKey.node.defaultChild as CfnElement)]).toMatchObject({ DeletionPolicy: 'Delete' });
  });

  it('its key policy grants no principal but the account (IAM policies decide: the tenant role only)', () => {
    const statements = (keys[keyId]?.Properties as { KeyPolicy: { Statement: { Principal: unknown }[] } }).KeyPolicy.Statement;
    expect(statements).toHaveLength(1);
    expect(statements[0]?.Principal).toEqual({ AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::123456789012:root']] } });
  });
});
