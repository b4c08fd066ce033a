import { currentTenant } from '../lib/tenant-scope';
import type { TenantCredentialVendor } from './tenant-credentials';

/**
 * Picks the SDK client for the code running now: inside a county's scope, with tenant
 * credentials vended (AWS), a client of that county's session (created once per county and
 * kept for the warm container); otherwise — platform code, or no vendor (locally, in tests) —
 * the process client with the function's own credentials.
 */
export function tenantClientPicker<C>(processClient: C, vendor: TenantCredentialVendor | undefined, create: (county: string, vendor: TenantCredentialVendor) => C): () => C {
  const clients = new Map<string, C>();
  return () => {
    const county = currentTenant();
    if (county === undefined || !vendor) return processClient;
    let client = clients.get(county);
    if (!client) {
      client = create(county, vendor);
      clients.set(county, client);
    }
    return client;
  };
}
