import type { LocalStackConfig } from '@beatlink/infra/local/stack-config';
import type { SeededIds, TestLogins } from './stack';

/**
 * What the global setups hand the tests (`inject('<key>')` in a test file):
 *   gatewayUrl   the local API gateway of the shared test stack
 *   stackConfig  the stack's LocalStackConfig (cognito endpoint, pool and client ids, table, …)
 *   logins       platformAdmin, provinceViewer, tenantAdmins[tenantId], byTenant[tenantId][role]
 *   seededIds    ids[tenantId][recordType], officers[tenantId][role]
 *   portalUrl    (e2e only) the portal, configured for this stack
 */
declare module 'vitest' {
  export interface ProvidedContext {
    gatewayUrl: string;
    stackConfig: LocalStackConfig;
    logins: TestLogins;
    seededIds: SeededIds;
    portalUrl: string;
  }
}
