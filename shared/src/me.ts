import type { Role } from './roles';
import type { Scope, Action } from './permissions';

/** GET /me: who the signed-in user is, as the portal shows it. */
export interface Me {
  username: string;
  name: string;
  roles: Role[];
  tenantId?: string;
  tenantName?: string;
  provinceId?: string;
  officerId?: string;
  unitId?: string;
  agencyId?: string;
  /** The actions this user may take and how far each reaches (to hide what would be refused). */
  permissions: Partial<Record<Action, Scope>>;
}
