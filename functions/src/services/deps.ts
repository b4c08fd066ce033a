import { systemClock, type Clock } from '../lib/clock';
import { cognitoIdentityProvider } from './identity/cognito-identity-provider';
import type { IdentityProvider } from './identity/identity-provider';

/** What services need from outside: the clock and the identity provider (fakes in tests). */
export interface ServiceDeps {
  clock: Clock;
  identity: IdentityProvider;
}

let defaults: ServiceDeps | undefined;

/** The real dependencies, made on first use (module scope, once per process). */
export function defaultDeps(): ServiceDeps {
  defaults ??= { clock: systemClock, identity: cognitoIdentityProvider() };
  return defaults;
}
