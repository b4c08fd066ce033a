import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { dependencyUnavailable, type AppError } from '../../lib/app-error';
import { readEnv } from '../../lib/env';
import { logger } from '../../lib/logger';
import { UsernameTakenError, type IdentityProvider } from './identity-provider';
import { temporaryPassword } from './temporary-password';

const env = readEnv();

const client = new CognitoIdentityProviderClient({
  region: env.region,
  ...(env.cognitoEndpoint ? { endpoint: env.cognitoEndpoint } : {}),
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
});

const unavailable = (error: unknown): AppError => {
  logger.warn('identity provider call failed', { errorName: (error as { name?: string }).name });
  return dependencyUnavailable({ zh: '身份服务', en: 'the identity service' }, 2, error);
};

/** Calls the pool, turning its failures into UsernameTakenError or a 503 (Retry-After). */
async function call<T>(fn: () => Promise<T>, username?: string): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (username && (error as { name?: string }).name === 'UsernameExistsException') throw new UsernameTakenError(username);
    throw unavailable(error);
  }
}

/** The Cognito adapter: the pool from USER_POOL_ID, cognito-local's endpoint when local. */
export function cognitoIdentityProvider(userPoolId: string = env.userPoolId): IdentityProvider {
  const pool = { UserPoolId: userPoolId };
  const toAttributes = (attributes: Record<string, string>) => Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));

  return {
    async createUser(user) {
      const password = temporaryPassword();
      await call(
        () =>
          client.send(
            new AdminCreateUserCommand({
              ...pool,
              Username: user.username,
              TemporaryPassword: password,
              MessageAction: 'SUPPRESS',
              UserAttributes: toAttributes(user.attributes),
            }),
          ),
        user.username,
      );
      try {
        await call(() => client.send(new AdminAddUserToGroupCommand({ ...pool, Username: user.username, GroupName: user.group })));
      } catch (error) {
        // No account without its role: take the half-made user away again.
        await client.send(new AdminDeleteUserCommand({ ...pool, Username: user.username })).catch(() => undefined);
        throw error;
      }
      return { username: user.username, temporaryPassword: password };
    },

    async updateAttributes(username, set, remove) {
      if (Object.keys(set).length > 0) {
        await call(() => client.send(new AdminUpdateUserAttributesCommand({ ...pool, Username: username, UserAttributes: toAttributes(set) })));
      }
      if (remove.length > 0) {
        await call(() => client.send(new AdminDeleteUserAttributesCommand({ ...pool, Username: username, UserAttributeNames: remove })));
      }
    },

    async disableUser(username) {
      await call(() => client.send(new AdminDisableUserCommand({ ...pool, Username: username })));
    },

    async deleteUser(username) {
      await call(() => client.send(new AdminDeleteUserCommand({ ...pool, Username: username })));
    },

    async displayName(username) {
      const user = await call(() => client.send(new AdminGetUserCommand({ ...pool, Username: username })));
      return user.UserAttributes?.find((a) => a.Name === 'name')?.Value;
    },
  };
}
