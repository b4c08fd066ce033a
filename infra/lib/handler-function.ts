import { resolve } from 'node:path';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HANDLER_BUNDLING } from './handler-bundling';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const LOCK_FILE = resolve(REPO_ROOT, 'package-lock.json');

/** The entry of a bounded context's HTTP handler (exports `handler`). */
export function httpEntry(context: string): string {
  return resolve(REPO_ROOT, 'functions/src/http', context, 'index.ts');
}

/** The entry of a scheduled job's handler (exports `handler`), the `#jobs/<job>` module. */
export function jobEntry(job: string): string {
  return resolve(REPO_ROOT, 'functions/src/jobs', `${job}.ts`);
}

/** The runtime the handlers are written for (DESIGN pins nodejs22.x). */
export const HANDLER_RUNTIME = lambda.Runtime.NODEJS_22_X;

export interface HandlerFunctionProps {
  /** Absolute path of the TypeScript entry that exports `handler`. */
  entry: string;
  description: string;
  /** Powertools service name, also the `service` key of every log line. */
  serviceName: string;
  /** Added to the variables every handler gets (APP_STAGE, NODE_OPTIONS, POWERTOOLS_SERVICE_NAME). */
  environment: Record<string, string>;
  memorySize: number;
  timeout: Duration;
  /**
   * Pre-built code used instead of bundling `entry` with esbuild. Only the assertion tests set
   * it, so that they need neither the handler sources nor a bundling step.
   */
  code?: lambda.Code;
  /** How long the log group keeps events (per stage); one year if unset. */
  logRetention?: logs.RetentionDays;
  /** What deleting the stack does to the log group (per stage); retained if unset. */
  logRemoval?: RemovalPolicy;
}

/**
 * One Lambda function with the project's settings: nodejs22.x on arm64, an ESM bundle built by
 * the locally installed esbuild (never Docker), minified with source maps, X-Ray tracing, its own
 * log group with a retention, and its own role that starts with nothing but the right to write
 * to that log group (no AWS managed policy). Callers add exactly the permissions it needs.
 */
export class HandlerFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: props.logRemoval ?? RemovalPolicy.RETAIN,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);

    const common = {
      description: props.description,
      runtime: HANDLER_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        APP_STAGE: 'aws',
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        ...props.environment,
      },
    } satisfies Partial<lambda.FunctionProps>;

    this.function = props.code
      ? new lambda.Function(this, 'Function', { ...common, code: props.code, handler: 'index.handler' })
      : new NodejsFunction(this, 'Function', {
          ...common,
          entry: props.entry,
          handler: 'handler',
          projectRoot: REPO_ROOT,
          depsLockFilePath: LOCK_FILE,
          bundling: HANDLER_BUNDLING,
        });

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: `DESIGN pins ${HANDLER_RUNTIME.name}: the handlers, middy 6 and the pinned AWS SDK 3.1169 are built and tested for Node 22, not yet for the newer runtime.`,
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions, so AWS requires Resource "*" for them.',
    });
  }
}
