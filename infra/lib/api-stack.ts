import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { allRoutes, BOUNDED_CONTEXTS, isPublicRoute, routes } from '@beatlink/functions/routes';
import type { BoundedContext } from '@beatlink/functions/routes';
import { HandlerFunction, httpEntry } from './handler-function';
import { grantTableData, PLATFORM_LEADING_KEYS, tableDataStatements, TENANT_LEADING_KEYS } from './table-access';
import type { TableAccess } from './table-access';

/** What each bounded context's function may do besides answering requests. */
interface ContextAccess {
  /** Creates and manages Cognito users (officer and agency-staff accounts, tenant admins). */
  manageUsers: boolean;
  /** Reads and writes platform items (tenant registry, province rollups). */
  platformData: boolean;
  /** Signs upload/download URLs and checks objects in the attachment bucket. */
  attachments: boolean;
}

/** A `Record` over BOUNDED_CONTEXTS: a new context does not compile until its access is decided. */
const CONTEXT_ACCESS: Record<BoundedContext, ContextAccess> = {
  admin: { manageUsers: true, platformData: true, attachments: false },
  directory: { manageUsers: true, platformData: false, attachments: false },
  matters: { manageUsers: false, platformData: false, attachments: true },
  attachments: { manageUsers: false, platformData: false, attachments: true },
  duty: { manageUsers: false, platformData: false, attachments: false },
  registry: { manageUsers: false, platformData: false, attachments: false },
  intel: { manageUsers: false, platformData: false, attachments: false },
  analysis: { manageUsers: false, platformData: false, attachments: false },
  notifications: { manageUsers: false, platformData: false, attachments: false },
  assessment: { manageUsers: false, platformData: false, attachments: false },
  // Province rollups live under `P#<provinceId>#`, outside every county's partitions.
  province: { manageUsers: false, platformData: true, attachments: false },
  // The county's API keys, webhook endpoints and deliveries: tenant items only. Webhook secrets are
  // sealed with the field cipher, whose wrapped data keys are tenant items too (like the reporter
  // phones `matters` seals); no users, no platform items, no objects.
  integrations: { manageUsers: false, platformData: false, attachments: false },
  /*
   * The public API (Open311, REST v1): no JWT, the handler verifies the API key itself. It takes
   * matters in and seals reporter phones like `matters` (tenant items and their data keys); media
   * arrive as URLs, not uploads, so no attachment bucket.
   *
   * Role: the county comes from the API key, not from a token, so it is not known before the key
   * is read — but the key names its county (`blk_<county>_<ULID>_<secret>`). The function therefore
   * stays on the request-path pattern rather than the cross-tenant job role: with tenant-scoped
   * credentials (issue #8) it assumes TenantDataAccessRole with TenantId = the county the presented
   * key claims, and only then looks the key up; the lookup (and the rate-limit counter) lie inside
   * that county's partitions, so a forged or tampered key reaches nothing but the county it names,
   * where its secret hash does not match. Routes with `auth: none` (discovery, the OpenAPI
   * document) need no table access at all. Until #8 it has the same direct grant as every context.
   */
  public: { manageUsers: false, platformData: false, attachments: false },
};

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

/**
 * A tenant-scoped session must carry exactly one session tag, TenantId, holding a six-digit
 * county code (checked both in the role's trust policy and in the callers' own policies).
 */
const TENANT_SESSION_CONDITIONS: iam.Conditions = {
  StringLike: { 'aws:RequestTag/TenantId': '??????' },
  'ForAllValues:StringEquals': { 'aws:TagKeys': ['TenantId'] },
};

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
  attachmentAccessPolicy: iam.IManagedPolicy;
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

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const access: TableAccess = { table: props.table, tableKey: props.tableKey };

    this.functions = Object.fromEntries(
      BOUNDED_CONTEXTS.map((context) => {
        const fn = new HandlerFunction(this, `${context}Handler`, {
          entry: httpEntry(context),
          description: `Beatlink HTTP API, bounded context "${context}"`,
          environment: {
            TABLE_NAME: props.table.tableName,
            USER_POOL_ID: props.userPool.userPoolId,
          },
          serviceName: `beatlink-${context}`,
          memorySize: 512,
          timeout: Duration.seconds(15),
          code: props.handlerCode,
        });
        grantTableData(fn.role, access);
        if (CONTEXT_ACCESS[context].manageUsers) {
          fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: USER_ADMIN_ACTIONS, resources: [props.userPool.userPoolArn] }));
        }
        if (CONTEXT_ACCESS[context].attachments) {
          fn.function.addEnvironment('ATTACHMENT_BUCKET', props.attachmentBucket.bucketName);
          fn.role.addManagedPolicy(props.attachmentAccessPolicy);
        }
        return [context, fn];
      }),
    ) as Record<BoundedContext, HandlerFunction>;

    /*
     * Tenant isolation below the code: a request-path function assumes TenantDataAccessRole with
     * the session tag TenantId=<the caller's county>, and the resulting credentials reach only
     * items whose partition key (of the table, or of the index queried) starts with
     * `T#<that county>#`, so a bug in a repository still cannot touch another county's data.
     * The handlers start using these tenant-scoped credentials in issue #8; until then they use
     * their execution role's direct table grant above.
     */
    this.tenantDataAccessRole = new iam.Role(this, 'TenantDataAccessRole', {
      description: 'Tenant-scoped data access: only items of the county named by the session tag TenantId',
      assumedBy: this.functionPrincipals(BOUNDED_CONTEXTS, TENANT_SESSION_CONDITIONS).withSessionTags(),
      maxSessionDuration: Duration.hours(1),
      inlinePolicies: {
        TenantItems: new iam.PolicyDocument({ statements: tableDataStatements(access, [TENANT_LEADING_KEYS]) }),
      },
    });
    this.grantAssume(this.tenantDataAccessRole, 'TENANT_DATA_ROLE_ARN', BOUNDED_CONTEXTS, ['sts:AssumeRole', 'sts:TagSession'], TENANT_SESSION_CONDITIONS);

    // Platform items (tenant registry, province rollups), for the contexts that own them.
    const platformContexts = BOUNDED_CONTEXTS.filter((context) => CONTEXT_ACCESS[context].platformData);
    const platformDataPolicy = new iam.ManagedPolicy(this, 'PlatformDataAccessPolicy', {
      description: 'Items under PLATFORM# (tenant registry) and P# (province rollups) only',
      statements: tableDataStatements(access, PLATFORM_LEADING_KEYS),
    });
    this.platformDataAccessRole = new iam.Role(this, 'PlatformDataAccessRole', {
      description: 'Platform data access: tenant registry and province rollups, no tenant items',
      assumedBy: this.functionPrincipals(platformContexts),
      maxSessionDuration: Duration.hours(1),
      managedPolicies: [platformDataPolicy],
    });
    this.grantAssume(this.platformDataAccessRole, 'PLATFORM_DATA_ROLE_ARN', platformContexts, ['sts:AssumeRole']);

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
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

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url });
  }

  /** The given contexts' execution roles, as one principal for a trust policy. */
  private functionPrincipals(contexts: readonly BoundedContext[], conditions?: iam.Conditions): iam.PrincipalBase {
    const principal = new iam.CompositePrincipal(...contexts.map((context) => new iam.ArnPrincipal(this.functions[context].role.roleArn)));
    return conditions ? principal.withConditions(conditions) : principal;
  }

  /** Lets the given contexts' functions assume `role`, and puts its ARN in their `variable`. */
  private grantAssume(role: iam.Role, variable: string, contexts: readonly BoundedContext[], actions: string[], conditions?: iam.Conditions): void {
    for (const context of contexts) {
      const fn = this.functions[context];
      fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources: [role.roleArn], conditions }));
      fn.function.addEnvironment(variable, role.roleArn);
    }
  }
}
