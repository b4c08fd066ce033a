import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  AddCustomAttributesCommand,
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateGroupCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { ROLES, ROLE_LABELS, type Role } from '@beatlink/shared';
import { REPO_ROOT } from './stack-config';
import { logTail, spawnService, waitUntil, type ServiceProcess } from './processes';

/**
 * cognito-local 5.3 as one node process. It keeps its state in `.cognito/` under its working
 * directory (`.cognito/config.json` is its config, `.cognito/db/<poolId>.json` a pool) and reads
 * `PORT` and `HOST` from the environment. Tokens are signed with its bundled RSA key; the issuer
 * is `<TokenConfig.IssuerDomain>/<poolId>` and the JWKS is served at `/<poolId>/.well-known/jwks.json`.
 */
export const COGNITO_START_SCRIPT = resolve(REPO_ROOT, 'node_modules/cognito-local/lib/bin/start.js');
export const COGNITO_HOST = '127.0.0.1';
export const USER_POOL_NAME = 'beatlink';
export const APP_CLIENT_NAME = 'beatlink-portal';
export const CUSTOM_ATTRIBUTES = ['tenantId', 'provinceId', 'officerId', 'unitId', 'agencyId'] as const;
/** Standard attributes users may change themselves; the custom ones are admin-only. */
const USER_WRITABLE_ATTRIBUTES = ['name', 'email', 'phone_number'];

export interface CognitoLocalOptions {
  port: number;
  /** Working directory of cognito-local: its state lives in `<dataDir>/.cognito`. */
  dataDir: string;
  logFile: string;
  startTimeoutMs?: number;
}

export interface CognitoLocal {
  endpoint: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

export interface UserPoolIds {
  userPoolId: string;
  userPoolClientId: string;
}

export function cognitoEndpoint(port: number): string {
  return `http://${COGNITO_HOST}:${port}`;
}

export function cognitoIssuer(endpoint: string, userPoolId: string): string {
  return `${endpoint}/${userPoolId}`;
}

export function cognitoJwksUri(endpoint: string, userPoolId: string): string {
  return `${endpoint}/${userPoolId}/.well-known/jwks.json`;
}

/**
 * The config cognito-local merges over its defaults. Its default `UsernameAttributes: ['email']`
 * would turn every username into an e-mail address: we use plain usernames, as the AWS pool does.
 * The issuer domain is pinned to the URL clients use, so `iss` is what the gateway expects.
 */
export function cognitoConfig(endpoint: string): Record<string, unknown> {
  return {
    UserPoolDefaults: { UsernameAttributes: [] },
    TokenConfig: { IssuerDomain: endpoint },
  };
}

export async function startCognitoLocal(options: CognitoLocalOptions): Promise<CognitoLocal> {
  const endpoint = cognitoEndpoint(options.port);
  const configDir = resolve(options.dataDir, '.cognito');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(resolve(configDir, 'config.json'), `${JSON.stringify(cognitoConfig(endpoint), null, 2)}\n`);
  const child = spawnService({
    name: 'cognito-local',
    command: process.execPath,
    args: [COGNITO_START_SCRIPT],
    cwd: options.dataDir,
    env: { ...process.env, PORT: String(options.port), HOST: COGNITO_HOST, DEBUG: '' },
    logFile: options.logFile,
  });
  try {
    await waitUntil(
      async () => (await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(2_000) })).ok,
      {
        timeoutMs: options.startTimeoutMs ?? 30_000,
        intervalMs: 150,
        description: `cognito-local on port ${options.port}`,
        abortIf: () =>
          child.hasExited() ? `cognito-local exited during start-up. Its log (${options.logFile}):\n${logTail(options.logFile)}` : undefined,
      },
    );
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { endpoint, process: child, stop: () => child.stop() };
}

export function localCognitoClient(endpoint: string, region = 'cn-north-1'): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * Creates, or finds again, the user pool, its custom attributes, the portal's app client and one
 * group per role. Ids are kept in `idsFile` so later starts find the same pool.
 */
export async function provisionUserPool(endpoint: string, idsFile: string): Promise<UserPoolIds> {
  const client = localCognitoClient(endpoint);
  try {
    const userPoolId = await ensurePool(client, idsFile);
    await ensureCustomAttributes(client, userPoolId);
    const userPoolClientId = await ensureAppClient(client, userPoolId, idsFile);
    await ensureGroups(client, userPoolId);
    const ids = { userPoolId, userPoolClientId };
    writeFileSync(idsFile, `${JSON.stringify(ids, null, 2)}\n`);
    return ids;
  } finally {
    client.destroy();
  }
}

function readIds(idsFile: string): Partial<UserPoolIds> {
  return existsSync(idsFile) ? (JSON.parse(readFileSync(idsFile, 'utf8')) as Partial<UserPoolIds>) : {};
}

async function ensurePool(client: CognitoIdentityProviderClient, idsFile: string): Promise<string> {
  const saved = readIds(idsFile).userPoolId;
  if (saved) {
    const found = await client.send(new DescribeUserPoolCommand({ UserPoolId: saved })).catch(() => undefined);
    if (found?.UserPool?.Id) return found.UserPool.Id;
  }
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const existing = pools.UserPools?.find((p) => p.Name === USER_POOL_NAME)?.Id;
  if (existing) return existing;
  const created = await client.send(
    new CreateUserPoolCommand({
      PoolName: USER_POOL_NAME,
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 10,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 7,
        },
      },
      Schema: CUSTOM_ATTRIBUTES.map((name) => ({
        Name: name,
        AttributeDataType: 'String',
        Mutable: true,
        StringAttributeConstraints: { MinLength: '1', MaxLength: '64' },
      })),
    }),
  );
  const id = created.UserPool?.Id;
  if (!id) throw new Error('cognito-local did not return a user pool id');
  return id;
}

async function ensureCustomAttributes(client: CognitoIdentityProviderClient, userPoolId: string): Promise<void> {
  const pool = await client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
  const present = new Set((pool.UserPool?.SchemaAttributes ?? []).map((a) => a.Name));
  const missing = CUSTOM_ATTRIBUTES.filter((name) => !present.has(`custom:${name}`));
  if (missing.length === 0) return;
  await client.send(
    new AddCustomAttributesCommand({
      UserPoolId: userPoolId,
      CustomAttributes: missing.map((name) => ({ Name: name, AttributeDataType: 'String', Mutable: true })),
    }),
  );
}

async function ensureAppClient(client: CognitoIdentityProviderClient, userPoolId: string, idsFile: string): Promise<string> {
  const saved = readIds(idsFile).userPoolClientId;
  if (saved) {
    const found = await client
      .send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: saved }))
      .catch(() => undefined);
    if (found?.UserPoolClient?.ClientId) return found.UserPoolClient.ClientId;
  }
  const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  const existing = clients.UserPoolClients?.find((c) => c.ClientName === APP_CLIENT_NAME)?.ClientId;
  if (existing) return existing;
  const customNames = CUSTOM_ATTRIBUTES.map((name) => `custom:${name}`);
  const created = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: APP_CLIENT_NAME,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      ReadAttributes: [...USER_WRITABLE_ATTRIBUTES, 'email_verified', 'phone_number_verified', ...customNames],
      WriteAttributes: USER_WRITABLE_ATTRIBUTES,
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'days' },
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    }),
  );
  const id = created.UserPoolClient?.ClientId;
  if (!id) throw new Error('cognito-local did not return an app client id');
  return id;
}

async function ensureGroups(client: CognitoIdentityProviderClient, userPoolId: string): Promise<void> {
  const listed = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60 }));
  const present = new Set((listed.Groups ?? []).map((g) => g.GroupName));
  for (const role of ROLES) {
    if (present.has(role)) continue;
    await client.send(
      new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: role, Description: `${ROLE_LABELS[role].zh} / ${ROLE_LABELS[role].en}` }),
    );
  }
}

/**
 * Makes cognito-local write the pool file once more, with nothing else writing. It rewrites the
 * whole file on every change without serialising its writes, so concurrent changes can leave a
 * stale write last; a final lone write before it stops leaves a complete file for the next start.
 */
export async function persistUserPool(endpoint: string, userPoolId: string): Promise<void> {
  const client = localCognitoClient(endpoint);
  try {
    const role: Role = 'platform_admin';
    await client.send(
      new UpdateGroupCommand({ UserPoolId: userPoolId, GroupName: role, Description: `${ROLE_LABELS[role].zh} / ${ROLE_LABELS[role].en}` }),
      { abortSignal: AbortSignal.timeout(5_000) },
    );
  } finally {
    client.destroy();
  }
}

export interface CognitoTarget {
  cognitoEndpoint: string;
  userPoolId: string;
  userPoolClientId: string;
  region: string;
}

/**
 * An account made directly in the pool (not through the API): the bootstrap platform admin and
 * the provincial analyst, whom no API creates. Idempotent: an existing user gets the password,
 * attributes and group again.
 */
export async function ensureDirectUser(
  target: CognitoTarget,
  user: { username: string; password: string; role: Role; attributes: Record<string, string> },
): Promise<void> {
  const client = localCognitoClient(target.cognitoEndpoint, target.region);
  const attributes: AttributeType[] = Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }));
  try {
    const exists = await client
      .send(new AdminGetUserCommand({ UserPoolId: target.userPoolId, Username: user.username }))
      .then(() => true)
      .catch(() => false);
    if (exists) {
      await client.send(
        new AdminUpdateUserAttributesCommand({ UserPoolId: target.userPoolId, Username: user.username, UserAttributes: attributes }),
      );
    } else {
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: target.userPoolId,
          Username: user.username,
          MessageAction: 'SUPPRESS',
          UserAttributes: attributes,
        }),
      );
    }
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: target.userPoolId, Username: user.username, GroupName: user.role }));
    await setPermanentPassword(target, user.username, user.password, client);
  } finally {
    client.destroy();
  }
}

/** Makes a password permanent, so the account signs in without the new-password challenge. */
export async function setPermanentPassword(
  target: CognitoTarget,
  username: string,
  password: string,
  existingClient?: CognitoIdentityProviderClient,
): Promise<void> {
  const client = existingClient ?? localCognitoClient(target.cognitoEndpoint, target.region);
  try {
    await client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: target.userPoolId, Username: username, Password: password, Permanent: true }),
    );
  } finally {
    if (!existingClient) client.destroy();
  }
}

export interface SignInResult {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
}

/** InitiateAuth USER_PASSWORD_AUTH, as the portal does locally. */
export async function signIn(target: CognitoTarget, username: string, password: string): Promise<SignInResult> {
  const client = localCognitoClient(target.cognitoEndpoint, target.region);
  try {
    const result = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: target.userPoolClientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
    const tokens = result.AuthenticationResult;
    if (!tokens?.IdToken || !tokens.AccessToken) {
      throw new Error(`Sign-in of ${username} did not return tokens (challenge: ${result.ChallengeName ?? 'none'})`);
    }
    return { idToken: tokens.IdToken, accessToken: tokens.AccessToken, refreshToken: tokens.RefreshToken };
  } finally {
    client.destroy();
  }
}
