import { describe, expect, it } from 'vitest';
import { Stack } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { allRoutes, BOUNDED_CONTEXTS, publicRoutes, routeKey, routes } from '@beatlink/functions/routes';
import { PLATFORM_CONTEXTS, TENANT_CONTEXTS } from '../lib/api-stack';
import { buildTestApp, TEST_PORTAL_ORIGIN } from './support';

const { stacks } = buildTestApp();
const api = stacks.api;
const template = Template.fromStack(api);

type Resource = { Type: string; Properties: Record<string, unknown> };
const resources = template.toJSON().Resources as Record<string, Resource>;
const logicalId = (element: { node: { defaultChild?: unknown } }) =>
  Stack.of(api).getLogicalId(element.node.defaultChild as CfnElement);
const functionId = (context: (typeof BOUNDED_CONTEXTS)[number]) => logicalId(api.functions[context].function);
const routeResources = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');
const policyStatements = (type: string) =>
  Object.values(resources)
    .filter((r) => r.Type === type)
    .flatMap((r) => {
      const props = r.Properties as { PolicyDocument?: { Statement: unknown[] }; Policies?: { PolicyDocument: { Statement: unknown[] } }[] };
      return [...(props.PolicyDocument?.Statement ?? []), ...(props.Policies ?? []).flatMap((p) => p.PolicyDocument.Statement)];
    }) as { Action: string | string[]; Condition?: unknown; Resource: unknown }[];
const actionsOf = (statement: { Action: string | string[] }) => [statement.Action].flat();

describe('api stack: the route table', () => {
  it('has exactly as many routes as routes.ts (JWT and public), with no duplicate route keys', () => {
    expect(new Set(allRoutes.map(routeKey)).size).toBe(allRoutes.length);
    expect(allRoutes).toHaveLength(routes.length + publicRoutes.length);
    expect(routeResources).toHaveLength(allRoutes.length);
  });

  it.each(routes.map((route) => [routeKey(route), route] as const))('%s exists behind the JWT authorizer, integrated with its context', (key, route) => {
    const found = routeResources.filter((r) => r.Properties.RouteKey === key);
    expect(found).toHaveLength(1);
    const props = found[0]!.Properties as { AuthorizationType: string; AuthorizerId: { Ref: string }; Target: { 'Fn::Join': [string, [string, { Ref: string }]] } };
    expect(props.AuthorizationType).toBe('JWT');

    const authorizer = resources[props.AuthorizerId.Ref];
    expect(authorizer?.Type).toBe('AWS::ApiGatewayV2::Authorizer');
    expect(authorizer?.Properties.AuthorizerType).toBe('JWT');

    const integration = resources[props.Target['Fn::Join'][1][1].Ref];
    expect(integration?.Type).toBe('AWS::ApiGatewayV2::Integration');
    expect(integration?.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [functionId(route.context), 'Arn'] },
    });
  });

  it.each(publicRoutes.map((route) => [routeKey(route), route] as const))('public %s has no authorizer (the handler checks the API key) and goes to the public function', (key, route) => {
    const found = routeResources.filter((r) => r.Properties.RouteKey === key);
    expect(found).toHaveLength(1);
    const props = found[0]!.Properties as { AuthorizationType: string; AuthorizerId?: unknown; Target: { 'Fn::Join': [string, [string, { Ref: string }]] } };
    expect(route.context).toBe('public');
    expect(props.AuthorizationType).toBe('NONE');
    expect(props.AuthorizerId).toBeUndefined();
    const integration = resources[props.Target['Fn::Join'][1][1].Ref];
    expect(integration?.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', IntegrationUri: { 'Fn::GetAtt': [functionId('public'), 'Arn'] } });
  });

  it('only the public routes go without the JWT authorizer', () => {
    const open = routeResources.filter((r) => r.Properties.AuthorizationType !== 'JWT').map((r) => r.Properties.RouteKey);
    expect(open.toSorted()).toEqual(publicRoutes.map(routeKey).toSorted());
  });

  it('has one JWT authorizer: issuer = the user pool, audience = the portal client', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': Match.stringLikeRegexp('UserPool.*ProviderName') }]] },
        Audience: [{ 'Fn::ImportValue': Match.stringLikeRegexp('UserPoolPortalClient') }],
      },
    });
  });

  it('allows CORS from the portal origin only', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [TEST_PORTAL_ORIGIN],
        AllowMethods: Match.arrayEquals([...new Set(routes.map((route) => route.method))]),
        AllowHeaders: Match.arrayWith(['authorization', 'content-type', 'idempotency-key']),
      }),
    });
  });

  it('logs every request of the $default stage and throttles it', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context\\.requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });
});

describe('api stack: functions', () => {
  it.each(BOUNDED_CONTEXTS)('%s: nodejs22.x on arm64 with the handler environment', (context) => {
    const fn = resources[functionId(context)];
    expect(fn?.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: {
          TABLE_NAME: { 'Fn::ImportValue': expect.stringMatching(/Table/) },
          USER_POOL_ID: { 'Fn::ImportValue': expect.stringMatching(/UserPool/) },
          APP_STAGE: 'aws',
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    });
  });

  it('creates exactly one function per bounded context', () => {
    template.resourceCountIs('AWS::Lambda::Function', BOUNDED_CONTEXTS.length);
  });

  it('uses no AWS managed policy and never grants Scan or a wildcard action', () => {
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect(JSON.stringify(role.Properties.ManagedPolicyArns ?? [])).not.toContain(':iam::aws:policy/');
    }
    const actions = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role'].flatMap((type) => policyStatements(type).flatMap(actionsOf));
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
  });

  it('uses Resource "*" only for the X-Ray actions, which have no resource-level permissions', () => {
    const starActions = policyStatements('AWS::IAM::Policy')
      .filter((statement) => statement.Resource === '*')
      .flatMap(actionsOf);
    expect(new Set(starActions)).toEqual(new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']));
  });

  it('lets the user-managing functions administer users of this pool only', () => {
    const statements = policyStatements('AWS::IAM::Policy').filter((s) => actionsOf(s).includes('cognito-idp:AdminCreateUser'));
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.Resource).toEqual({ 'Fn::ImportValue': expect.stringMatching(/UserPool.*Arn/) });
    }
  });
});

describe('api stack: the integrations and public contexts', () => {
  const rolePolicyActions = (context: (typeof BOUNDED_CONTEXTS)[number]) => {
    const roleRef = { Ref: logicalId(api.functions[context].role) };
    return Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles) === JSON.stringify([roleRef]))
      .flatMap((r) => (r.Properties as { PolicyDocument: { Statement: { Action: string | string[] }[] } }).PolicyDocument.Statement.flatMap(actionsOf));
  };
  const roleManagedPolicies = (context: (typeof BOUNDED_CONTEXTS)[number]) =>
    JSON.stringify(resources[logicalId(api.functions[context].role)]?.Properties.ManagedPolicyArns ?? []);

  it.each(['integrations', 'public'] as const)('%s: tenant data only — no user administration, no attachment bucket, no platform role', (context) => {
    const actions = rolePolicyActions(context);
    expect(actions).toEqual(expect.arrayContaining(['sts:AssumeRole', 'sts:TagSession']));
    expect(actions.filter((action) => action.startsWith('dynamodb:') || action.startsWith('s3:'))).toEqual([]);
    expect(actions.filter((action) => action.startsWith('cognito-idp:'))).toEqual([]);
    expect(roleManagedPolicies(context)).not.toContain('AttachmentAccessPolicy');
    expect(resources[functionId(context)]?.Properties.Environment).not.toHaveProperty('Variables.ATTACHMENT_BUCKET');
    expect(resources[functionId(context)]?.Properties.Environment).not.toHaveProperty('Variables.PLATFORM_DATA_ROLE_ARN');
    expect(resources[functionId(context)]?.Properties.Environment).toHaveProperty('Variables.TENANT_DATA_ROLE_ARN');
  });

  it('the stage throttles every route, public ones included (default route settings)', () => {
    const stage = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!;
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) });
    expect(stage.Properties.RouteSettings).toBeUndefined();
  });
});

describe('api stack: tenant isolation', () => {
  const tenantRoleId = logicalId(api.tenantDataAccessRole);
  const tenantRole = resources[tenantRoleId]!.Properties as {
    AssumeRolePolicyDocument: { Statement: { Action: string[]; Principal: { AWS: unknown }; Condition: unknown }[] };
    Policies: { PolicyDocument: { Statement: { Action: string | string[]; Condition?: unknown; Resource: unknown }[] } }[];
    ManagedPolicyArns: unknown[];
  };
  const leadingKeys = (statement: { Condition?: unknown }) =>
    (statement.Condition as { 'ForAllValues:StringLike'?: { 'dynamodb:LeadingKeys'?: string[] } } | undefined)?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];
  const ownStatements = (roleLogicalId: string) =>
    Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles) === JSON.stringify([{ Ref: roleLogicalId }]))
      .flatMap((r) => (r.Properties as { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown; Condition?: unknown }[] } }).PolicyDocument.Statement);

  it('splits the contexts: admin and province serve the platform, every other context a county', () => {
    expect(PLATFORM_CONTEXTS).toEqual(['admin', 'province']);
    expect(TENANT_CONTEXTS.toSorted()).toEqual(BOUNDED_CONTEXTS.filter((c) => c !== 'admin' && c !== 'province').toSorted());
  });

  it('TenantDataAccessRole reaches only items whose leading key is T#<session tag TenantId># (and, item by item, the two shared registries)', () => {
    const dataStatements = tenantRole.Policies.flatMap((p) => p.PolicyDocument.Statement).filter((s) =>
      actionsOf(s).some((action) => action.startsWith('dynamodb:')),
    );
    expect(dataStatements.length).toBeGreaterThan(0);
    for (const statement of dataStatements) expect(leadingKeys(statement), JSON.stringify(statement)).toBeDefined();
    const allKeys = dataStatements.map(leadingKeys);
    expect(allKeys.filter((keys) => keys![0] === 'T#${aws:PrincipalTag/TenantId}#*')).toHaveLength(2); // table + indexes
    // The username registry (claims inside the directory's transactions): by key only, no Query.
    const usernames = dataStatements.find((s) => leadingKeys(s)![0] === 'PLATFORM#USERNAME')!;
    expect(actionsOf(usernames).toSorted()).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem']);
    // The tenant registry: GetItem only (GET /me names the county).
    const registry = dataStatements.find((s) => leadingKeys(s)![0] === 'PLATFORM#TENANT')!;
    expect(actionsOf(registry)).toEqual(['dynamodb:GetItem']);
    expect(new Set(allKeys.flat())).toEqual(new Set(['T#${aws:PrincipalTag/TenantId}#*', 'PLATFORM#USERNAME', 'PLATFORM#TENANT']));
  });

  it('TenantDataAccessRole reaches attachment objects of its county only (the storage stack\'s tag-scoped policy)', () => {
    expect(tenantRole.ManagedPolicyArns).toEqual([{ 'Fn::ImportValue': expect.stringMatching(/Storage.*TenantAttachmentPolicy/) }]);
  });

  it('every tenant-serving context (and tenant job) may assume it, only with a TenantId session tag of six characters', () => {
    const trusted = tenantRole.AssumeRolePolicyDocument.Statement.map((s) => {
      expect(s.Action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
      expect(s.Condition).toEqual({
        StringLike: { 'aws:RequestTag/TenantId': '??????' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['TenantId'] },
      });
      return s.Principal.AWS;
    });
    const principals = trusted.flat();
    expect(principals).toEqual(expect.arrayContaining(TENANT_CONTEXTS.map((c) => ({ 'Fn::GetAtt': [logicalId(api.functions[c].role), 'Arn'] }))));
    for (const context of PLATFORM_CONTEXTS) expect(principals).not.toContainEqual({ 'Fn::GetAtt': [logicalId(api.functions[context].role), 'Arn'] });
    // The jobs (imported from the jobs stack): every scheduled job and webhook-fanout.
    expect(principals.filter((p) => JSON.stringify(p).includes('Fn::ImportValue'))).toHaveLength(new Set(Object.keys(stacks.jobs.jobs)).size + 1);

    for (const context of TENANT_CONTEXTS) {
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: logicalId(api.functions[context].role) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: { 'Fn::GetAtt': [tenantRoleId, 'Arn'] } }),
          ]),
        },
      });
      expect(resources[functionId(context)]?.Properties.Environment).toHaveProperty('Variables.TENANT_DATA_ROLE_ARN', { 'Fn::GetAtt': [tenantRoleId, 'Arn'] });
      expect(resources[functionId(context)]?.Properties.Environment).not.toHaveProperty('Variables.PLATFORM_DATA_ROLE_ARN');
    }
  });

  it('no function role of the API has a table, index, key or bucket permission of its own (only role assumption)', () => {
    for (const context of BOUNDED_CONTEXTS) {
      const statements = ownStatements(logicalId(api.functions[context].role));
      const data = statements.flatMap(actionsOf).filter((a) => /^(dynamodb|s3|kms):/.test(a));
      expect(data, context).toEqual([]);
    }
  });

  it('platform items (PLATFORM#, P#, county configuration) are in a separate policy of their own role, for admin and province only', () => {
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['dynamodb:GetItem', 'dynamodb:PutItem']),
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['PLATFORM#*', 'P#*', 'T#??????#CONFIG'] } },
          }),
        ]),
      },
    });
    const platformRoleId = logicalId(api.platformDataAccessRole);
    template.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: [{ Ref: Match.stringLikeRegexp('PlatformDataAccessPolicy') }],
    });
    for (const context of PLATFORM_CONTEXTS) {
      expect(resources[functionId(context)]?.Properties.Environment).toHaveProperty('Variables.PLATFORM_DATA_ROLE_ARN', { 'Fn::GetAtt': [platformRoleId, 'Arn'] });
      expect(resources[functionId(context)]?.Properties.Environment).toHaveProperty('Variables.PROVINCE_IDS', '370000');
      expect(resources[functionId(context)]?.Properties.Environment).not.toHaveProperty('Variables.TENANT_DATA_ROLE_ARN');
    }
  });

  it('the data-access roles have fixed names per stack prefix and region (the jobs stack names them)', () => {
    expect(resources[tenantRoleId]!.Properties.RoleName).toBe('Beatlink-Dev-ap-east-1-TenantData');
    expect(resources[logicalId(api.platformDataAccessRole)]!.Properties.RoleName).toBe('Beatlink-Dev-ap-east-1-PlatformData');
  });
});

describe('api stack: log retention', () => {
  it.each([
    ['dev', 30],
    ['staging', 90],
    ['prod', 365],
  ] as const)('%s: every log group (functions, access logs) keeps %i days', (stage, days) => {
    const staged = Template.fromStack(buildTestApp({ config: { stage } }).stacks.api);
    const groups = Object.values(staged.findResources('AWS::Logs::LogGroup'));
    expect(groups).toHaveLength(BOUNDED_CONTEXTS.length + 1);
    for (const group of groups) {
      expect(group.Properties.RetentionInDays).toBe(days);
      expect(group.DeletionPolicy).toBe(stage === 'prod' ? 'Retain' : 'Delete');
    }
  });
});

describe('api stack: the personal-data key (MASTER_KEY_ID)', () => {
  const keyArn = api.resolve(stacks.data.personalDataKey.keyArn) as unknown;
  const tenantRoleId = logicalId(api.tenantDataAccessRole);
  const mentionsKey = (value: unknown) => JSON.stringify(value).includes(JSON.stringify(keyArn));
  type Statement = { Action: string | string[]; Condition?: unknown; Resource: unknown };

  it('is imported from the data stack', () => {
    expect(keyArn).toEqual({ 'Fn::ImportValue': expect.stringMatching(/Data:.*PersonalDataKey/) });
  });

  it('TenantDataAccessRole may only Encrypt and Decrypt with it, with the encryption context of its session county', () => {
    const policies = (resources[tenantRoleId]!.Properties as { Policies: { PolicyName: string; PolicyDocument: { Statement: Statement[] } }[] }).Policies;
    const keyPolicy = policies.find((p) => p.PolicyName === 'PersonalDataKey');
    expect(keyPolicy?.PolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['kms:Encrypt', 'kms:Decrypt'],
        Resource: keyArn,
        Condition: {
          StringEquals: { 'kms:EncryptionContext:tenantId': '${aws:PrincipalTag/TenantId}', 'kms:EncryptionContext:purpose': 'beatlink-data-key' },
          'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['purpose', 'tenantId'] },
        },
      },
    ]);
    // No other statement of the role reaches this key (the table key's are its own, table-access.ts).
    const others = policies.filter((p) => p !== keyPolicy).flatMap((p) => p.PolicyDocument.Statement);
    expect(others.filter(mentionsKey)).toEqual([]);
    expect(others.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')) && [s.Resource].flat().includes('*'))).toEqual([]);
  });

  it('no other role or policy of the API (the platform role, the function roles) mentions it or grants KMS on "*"', () => {
    for (const [id, resource] of Object.entries(resources)) {
      if (!['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].includes(resource.Type) || id === tenantRoleId) continue;
      expect(mentionsKey(resource), id).toBe(false);
    }
    const kmsOnAll = policyStatements('AWS::IAM::Policy')
      .concat(policyStatements('AWS::IAM::ManagedPolicy'))
      .filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')) && [s.Resource].flat().includes('*'));
    expect(kmsOnAll).toEqual([]);
  });

  it('every function that assumes the tenant role is told the key, and no function a key file', () => {
    const functions = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    const variables = functions.map((fn) => ((fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}));
    expect(variables.filter((v) => v.TENANT_DATA_ROLE_ARN !== undefined)).toHaveLength(TENANT_CONTEXTS.length);
    for (const v of variables) {
      expect(v.MASTER_KEY_ID).toEqual(v.TENANT_DATA_ROLE_ARN === undefined ? undefined : keyArn);
      expect(v.MASTER_KEY_FILE).toBeUndefined();
    }
  });
});
