import { Aws, DefaultStackSynthesizer, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
// cdk-nag's own rendering of CloudFormation references in finding ids (no exports map: a deep import).
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';

/**
 * The id of cdk-nag's AwsSolutions-IAM5 finding for a wildcard resource, rendered as cdk-nag renders
 * it (`<Logical.Arn>`, `Stack:ExportName`, `<AWS::Partition>`): acknowledgements name exactly the
 * resource a reviewer approved, never "every wildcard of this policy".
 */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}

/** The objects of the CDK bootstrap's file-asset bucket of `scope`'s stack (default synthesizer). */
export function fileAssetObjects(scope: IConstruct): string {
  const stack = Stack.of(scope);
  const bucket = DefaultStackSynthesizer.DEFAULT_FILE_ASSETS_BUCKET_NAME.replace('${Qualifier}', DefaultStackSynthesizer.DEFAULT_QUALIFIER)
    .replace('${AWS::AccountId}', stack.account)
    .replace('${AWS::Region}', stack.region);
  return `arn:${Aws.PARTITION}:s3:::${bucket}/*`;
}
