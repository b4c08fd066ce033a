import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { TABLE_DEFINITION } from '@beatlink/functions/data/table-definition';

export interface DataStackProps extends StackProps {
  /** DynamoDB contributor insights on the table and its indexes. */
  contributorInsights: boolean;
  /** Retain (staging, prod) or destroy (dev) the table and its key with the stack. */
  removalPolicy?: RemovalPolicy;
  /** DynamoDB deletion protection (staging, prod). */
  deletionProtection?: boolean;
}

const stringKey = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

/**
 * The single pool-model table, built from the same TABLE_DEFINITION the local stack uses:
 * on-demand, point-in-time recovery, deletion protection, encrypted with a customer-managed key,
 * and a stream (NEW_IMAGE) whose matter timeline events the jobs stack's webhook fan-out reads.
 */
export class DataStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly tableKey: kms.Key;
  /** Wraps each county's personal-data key (MASTER_KEY_ID of the functions); used by the tenant role only. */
  readonly personalDataKey: kms.Key;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    this.tableKey = new kms.Key(this, 'TableKey', {
      description: 'Encrypts the Beatlink table (all tenants, pool model)',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      // A destroyed key (dev only) can still be cancelled for a week.
      pendingWindow: Duration.days(7),
    });

    /*
     * The master key of the personal fields' envelope encryption (functions/src/services/
     * personal-data/kms-master-key.ts): it wraps each county's data key with the county as
     * encryption context. Only TenantDataAccessRole may use it, for its session's county
     * (personal-data-key-access.ts); losing it loses every sealed phone and ID number, so it is
     * retained like the table.
     */
    this.personalDataKey = new kms.Key(this, 'PersonalDataKey', {
      description: "Wraps the counties' personal-data keys (envelope encryption of phones, ID numbers, webhook secrets)",
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(7),
    });

    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: stringKey(TABLE_DEFINITION.partitionKey),
      sortKey: stringKey(TABLE_DEFINITION.sortKey),
      globalSecondaryIndexes: TABLE_DEFINITION.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      timeToLiveAttribute: TABLE_DEFINITION.ttlAttribute,
      // The webhook outbox: matter timeline events reach webhook-fanout (JobsStack) through it.
      dynamoStream: dynamodb.StreamViewType[TABLE_DEFINITION.stream],
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.tableKey),
      // PITR in every stage: 35 days of restorable history, dev included.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      contributorInsightsSpecification: props.contributorInsights ? { enabled: true } : undefined,
    });
  }
}
