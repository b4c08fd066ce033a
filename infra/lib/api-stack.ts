import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { RemovalPolicy } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { allRoutes, BOUNDED_CONTEXTS, isPublicRoute, routes } from '@beatlink/functions/routes';
import type { BoundedContext } from '@beatlink/functions/routes';
import { HandlerFunction, httpEntry } from './handler-function';
import { grantPlatformAssume, grantTenantAssume, TENANT_SESSION_CONDITIONS } from './data-access';
import type { DataAccessRoleNames } from './data-access';
import { personalDataKeyStatements } from './personal-data-key-access';
import { PLATFORM_LEADING_KEYS, tableDataStatements, tenantTableStatements } from './table-access';
import type { TableAccess } from './table-access';

/** What each bounded context's function may do besides answering requests. */
interface ContextAccess {
  /** Creates and manages Cognito users (officer and agency-staff accounts, tenant admins). */
  manageUsers: boolean;
  /**
   * Whose data it serves: `tenant` contexts reach the table and the bucket only through
   * TenantDataAccessRole (one county per session); `platform` contexts only through
   * PlatformDataAccessRole (tenant registry, province rollups, county configuration).
   */
  data: 'tenant' | 'platform';
  /** Signs upload/download URLs and checks objects in the attachment bucket (gets its name). */
  attachments: boolean;
}

/** A `Record` over BOUNDED_CONTEXTS: a new context does not compile until its access is decided. */
const CONTEXT_ACCESS: Record<BoundedContext, ContextAccess> = {
  // Onboards counties: registry entry, configuration and admin username in one transaction.
  admin: { manageUsers: true, data: 'platform', attachments: false },
  // Officer and staff accounts; usernames are claimed in the shared username registry (table-access.ts).
  directory: { manageUsers: true, data: 'tenant', attachments: false },
  matters: { manageUsers: false, data: 'tenant', attachments: true },
  attachments: { manageUsers: false, data: 'tenant', attachments: true },
  duty: { manageUsers: false, data: 'tenant', attachments: false },
  registry: { manageUsers: false, data: 'tenant', attachments: false },
  intel: { manageUsers: false, data: 'tenant', attachments: false },
  analysis: { manageUsers: false, data: 'tenant', attachments: false },
  notifications: { manageUsers: false, data: 'tenant', attachments: false },
  assessment: { manageUsers: false, data: 'tenant', attachments: false },
  // Province rollups live under `P#<provinceId>#`, outside every county's partitions.
  province: { manageUsers: false, data: 'platform', attachments: false },
  // The county's API keys, webhook endpoints and deliveries: tenant items only. Webhook secrets are
  // sealed with the field cipher, whose wrapped data keys are tenant items too.
  integrations: { manageUsers: false, data: 'tenant', attachments: false },
  /*
   * The public API (Open311, REST v1): no JWT, the handler verifies the API key itself. The county
   * comes from the key, which names it (`blk_<county>_<ULID>_<secret>`): the function assumes
   * TenantDataAccessRole with TenantId = the county the presented key claims BEFORE it reads the
   * key, so the lookup (and the rate-limit counter) lie inside that county's partitions and a
   * forged key reaches nothing but the county it names, where its secret hash does not match.
   * Routes with `auth: none` (discovery, the OpenAPI document) need no table access at all.
   */
  public: { manageUsers: false, data: 'tenant', attachments: false },
};

export const TENANT_CONTEXTS = BOUNDED_CONTEXTS.filter((context) => CONTEXT_ACCESS[context].data === 'tenant');
export const PLATFORM_CONTEXTS = BOUNDED_CONTEXTS.filter((context) => CONTEXT_ACCESS[context].data === 'platform');

/** The admin actions user management needs; no ListUsers, no pool-level configuration. */
const USER_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
];

/** One line of JSON per request, with HTTP API context variables; no tokens, no bodies. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
});

export interface ApiStackProps extends StackProps, TableAccess {
  userPool: cognito.IUserPool;
  portalClient: cognito.IUserPoolClient;
  /** Uploaded photos and documents, and the policy that reaches their objects (StorageStack). */
  attachmentBucket: s3.IBucket;
  /** The attachment objects of the session's county (StorageStack), for TenantDataAccessRole. */
  tenantAttachmentPolicy: iam.IManagedPolicy;
  /** The KMS key that wraps the counties' data keys (DataStack): TenantDataAccessRole uses it for its county only. */
  personalDataKey: kms.IKey;
  /** Fixed names of the data-access roles (data-access.ts). */
  dataAccessRoleNames: DataAccessRoleNames;
  /** Job functions (JobsStack) that assume TenantDataAccessRole / PlatformDataAccessRole. */
  tenantJobRoles: iam.IRole[];
  platformJobRoles: iam.IRole[];
  /** The provinces this deployment serves (PROVINCE_IDS of the platform contexts). */
  provinces: string[];
  /** Per-stage log retention and removal. */
  logRetention: logs.RetentionDays;
  logRemoval: RemovalPolicy;
  /** The only origin CORS allows. */
  portalOrigin: string;
  throttle: { rateLimit: number; burstLimit: number };
  /** Pre-built handler code instead of bundling the entries (assertion tests only). */
  handlerCode?: lambda.Code;
}

/**
 * The HTTP API: every JWT route of routes.ts behind the Cognito JWT authorizer, the public routes
 * (API key checked by the handler) without one, one function per bounded context, and the roles
 * that confine tenant data access.
 */
export class ApiStack extends Stack {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly functions: Record<BoundedContext, HandlerFunction>;
  readonly tenantDataAccessRole: iam.Role;
  readonly platformDataAccessRole: iam.Role;
  /** The value the public API's CloudFront sends in x-beatlink-origin-verify; only the public function reads it. */
  readonly originVerifySecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const access: TableAccess = { table: props.table, tableKey: props.tableKey };

    this.functions = Object.fromEntries(
      BOUNDED_CONTEXTS.map((context) => {
        const platform = CONTEXT_ACCESS[context].data === 'platform';
        const fn = new HandlerFunction(this, `${context}Handler`, {
          entry: httpEntry(context),
          description: `Beatlink HTTP API, bounded context "${context}"`,
          environment: {
            TABLE_NAME: props.table.tableName,
            USER_POOL_ID: props.userPool.userPoolId,
            ...(platform ? { PROVINCE_IDS: props.provinces.join(',') } : {}),
          },
          serviceName: `beatlink-${context}`,
          memorySize: 512,
          timeout: Duration.seconds(15),
          code: props.handlerCode,
          logRetention: props.logRetention,
          logRemoval: props.logRemoval,
        });
        if (CONTEXT_ACCESS[context].manageUsers) {
          fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: USER_ADMIN_ACTIONS, resources: [props.userPool.userPoolArn] }));
        }
        if (CONTEXT_ACCESS[context].attachments) fn.function.addEnvironment('ATTACHMENT_BUCKET', props.attachmentBucket.bucketName);
        return [context, fn];
      }),
    ) as Record<BoundedContext, HandlerFunction>;

    /*
     * Tenant isolation below the code (data-access.ts): no function role has a table or bucket
     * permission of its own. A tenant-serving function assumes TenantDataAccessRole with the
     * session tag TenantId=<the county it serves>, and those credentials reach only items whose
     * partition key (of the table, or of the index queried) starts with `T#<that county>#` and
     * objects under `tenants/<that county>/`, so a bug in a repository still cannot touch another
     * county's data. The trust policy names every function that may assume it.
     */
    this.tenantDataAccessRole = new iam.Role(this, 'TenantDataAccessRole', {
      roleName: props.dataAccessRoleNames.tenant,
      description: 'Tenant-scoped data access: only items and objects of the county named by the session tag TenantId',
      assumedBy: new iam.CompositePrincipal(
        ...[...TENANT_CONTEXTS.map((context) => this.functions[context].role), ...props.tenantJobRoles].map((role) => new iam.ArnPrincipal(role.roleArn)),
      )
        .withConditions(TENANT_SESSION_CONDITIONS)
        .withSessionTags(),
      maxSessionDuration: Duration.hours(1),
      inlinePolicies: {
        TenantItems: new iam.PolicyDocument({ statements: tenantTableStatements(access) }),
        PersonalDataKey: new iam.PolicyDocument({ statements: personalDataKeyStatements(props.personalDataKey) }),
      },
      managedPolicies: [props.tenantAttachmentPolicy],
    });
    for (const context of TENANT_CONTEXTS) grantTenantAssume(this.functions[context], this.tenantDataAccessRole.roleArn, props.personalDataKey.keyArn);

    const platformDataPolicy = new iam.ManagedPolicy(this, 'PlatformDataAccessPolicy', {
      description: 'Items under PLATFORM# (registries), P# (province rollups) and T#<county>#CONFIG only',
      statements: tableDataStatements(access, PLATFORM_LEADING_KEYS),
    });
    this.platformDataAccessRole = new iam.Role(this, 'PlatformDataAccessRole', {
      roleName: props.dataAccessRoleNames.platform,
      description: 'Platform data access: tenant registry, province rollups and county configuration, no other tenant items',
      assumedBy: new iam.CompositePrincipal(
        ...[...PLATFORM_CONTEXTS.map((context) => this.functions[context].role), ...props.platformJobRoles].map((role) => new iam.ArnPrincipal(role.roleArn)),
      ),
      maxSessionDuration: Duration.hours(1),
      managedPolicies: [platformDataPolicy],
    });
    for (const context of PLATFORM_CONTEXTS) grantPlatformAssume(this.functions[context], this.platformDataAccessRole.roleArn);

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.logRemoval,
    });

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: this.stackName,
      description: 'Beatlink API for the portal and for integrators (public routes)',
      createDefaultStage: false,
      // The ID token's issuer is the pool (ProviderName is `cognito-idp.<region>.<suffix>/<id>`,
      // right in every partition) and its audience the portal client.
      defaultAuthorizer: new HttpJwtAuthorizer('CognitoIdToken', `https://${props.userPool.userPoolProviderName}`, {
        jwtAudience: [props.portalClient.userPoolClientId],
      }),
      corsPreflight: {
        allowOrigins: [props.portalOrigin],
        allowMethods: [...new Set(routes.map((route) => route.method))].map((method) => apigwv2.CorsHttpMethod[method]),
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        exposeHeaders: ['retry-after', 'content-disposition'],
        maxAge: Duration.hours(1),
      },
    });

    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigw.AccessLogFormat.custom(ACCESS_LOG_FORMAT),
      },
    });

    const integrations = Object.fromEntries(
      BOUNDED_CONTEXTS.map((context) => [
        context,
        // One invoke permission per function for the whole API (not one per route), so the
        // function's resource policy does not grow with the route table.
        new HttpLambdaIntegration(`${context}Integration`, this.functions[context].function, { scopePermissionToRoute: false }),
      ]),
    ) as Record<BoundedContext, HttpLambdaIntegration>;

    // Every JWT route keeps the default (JWT) authorizer. A public route has none: its handler
    // checks the API key (or, for `auth: none`, serves a public document). Public routes are
    // still throttled by the stage's default route settings, and per key by the handler.
    const noAuthorizer = new apigwv2.HttpNoneAuthorizer();
    for (const route of allRoutes) {
      const publicRoute = isPublicRoute(route);
      const added = this.httpApi.addRoutes({
        path: route.path,
        methods: [apigwv2.HttpMethod[route.method]],
        integration: integrations[route.context],
        ...(publicRoute ? { authorizer: noAuthorizer } : {}),
      });
      if (publicRoute) {
        for (const httpRoute of added) {
          Validations.of(httpRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason:
              route.auth.kind === 'apiKey'
                ? `Public integrator route (${route.method} ${route.path}): the caller presents a Beatlink API key, which the public function verifies itself (hashed secret, scopes, revocation, per-key rate limit); API Gateway has no authorizer for these keys.`
                : `Public document route (${route.method} ${route.path}): Open311 discovery / the OpenAPI document are public by design and carry no tenant data; throttled by the stage.`,
          });
        }
      }
    }

    /*
     * Origin verification: the public routes answer only requests that came through the public
     * API's CloudFront distribution (and its WAF), which adds this secret as a header
     * (PublicApiEdgeStack). It lives here so the public function can read it without a cycle.
     */
    this.originVerifySecret = new secretsmanager.Secret(this, 'OriginVerifySecret', {
      description: 'Beatlink public API: header value CloudFront sends to the origin (x-beatlink-origin-verify)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(this.originVerifySecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by a documented manual procedure (docs/deploy.md): put a new value, redeploy the edge stack so CloudFront sends it; the public function accepts AWSCURRENT and AWSPREVIOUS during the overlap. A rotation Lambda could not update CloudFront.',
    });
    const publicFunction = this.functions.public;
    publicFunction.function.addEnvironment('ORIGIN_VERIFY_SECRET_ARN', this.originVerifySecret.secretArn);
    publicFunction.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [this.originVerifySecret.secretArn] }),
    );

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url });
  }
}
