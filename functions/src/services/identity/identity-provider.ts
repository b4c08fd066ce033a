import type { InitialCredentials, Role } from '@beatlink/shared';

/** A sign-in account to create: the role is its group, the attributes its claims. */
export interface NewUser {
  username: string;
  group: Role;
  /** `name`, `email`, `custom:tenantId`, … (values set by admins only). */
  attributes: Record<string, string>;
}

/** The identity port (Cognito in AWS, cognito-local on a laptop, a fake in unit tests). */
export interface IdentityProvider {
  /** Creates the user with a one-time temporary password and puts it in its group. */
  createUser(user: NewUser): Promise<InitialCredentials>;
  /** Sets the given attributes and deletes the named ones. */
  updateAttributes(username: string, set: Record<string, string>, remove: string[]): Promise<void>;
  disableUser(username: string): Promise<void>;
  /** Only to undo a creation whose other half failed. */
  deleteUser(username: string): Promise<void>;
  /** The account's `name` attribute, for tokens that do not carry it (cognito-local's). */
  displayName(username: string): Promise<string | undefined>;
}

/** The username is already an account in the pool. */
export class UsernameTakenError extends Error {
  constructor(readonly username: string) {
    super('username taken');
    this.name = 'UsernameTakenError';
  }
}
