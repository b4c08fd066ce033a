import type { AgencyStaff, Officer, Role } from '@beatlink/shared';
import { listAllRecords } from '../../data/directory-records';
import type { NotificationAudience } from '../../data/notifications';
import type { TenantScopedContext } from '../../lib/tenant-context';

/**
 * Who an audience key is, among the county's active users. The directory is read once per
 * delivery run (two Queries), then every audience of the run is resolved in memory.
 *
 * - `OFFICER#<officerId>`: that officer.
 * - `UNIT#<unitId>`: the officers placed in the unit holding a matter — an office's community
 *   officers and auxiliaries, a workstation's contact officer, a station's chief(s), a
 *   department's officers.
 * - `AGENCY#<agencyId>`: the agency's staff.
 * - `ROLE#<role>#<scopeId>`: a role within its unit (station chief + station, community officer
 *   or auxiliary + office, contact officer + workstation, agency staff + agency).
 * - `ROLE#<role>`: the role county-wide (program office, bureau leaders, governance office).
 */
export interface Recipient {
  username: string;
  role: Role;
  officerId?: string;
  agencyId?: string;
  email?: string;
  /** A mainland mobile number (11 digits), the only kind an SMS can reach; landlines are left out. */
  mobile?: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

interface Person extends Recipient {
  stationId?: string;
  officeId?: string;
  workstationId?: string;
  departmentId?: string;
}

export interface CountyDirectory {
  resolve(audience: NotificationAudience): Recipient[];
}

const contact = (p: { email?: string; phone?: string }) => ({
  ...(p.email ? { email: p.email } : {}),
  ...(p.phone && MOBILE.test(p.phone) ? { mobile: p.phone } : {}),
});

function officerPerson(o: Officer): Person {
  return {
    username: o.username,
    role: o.role,
    officerId: o.id,
    ...contact(o),
    ...(o.stationId ? { stationId: o.stationId } : {}),
    ...(o.officeId ? { officeId: o.officeId } : {}),
    ...(o.workstationId ? { workstationId: o.workstationId } : {}),
    ...(o.departmentId ? { departmentId: o.departmentId } : {}),
  };
}

const staffPerson = (s: AgencyStaff): Person => ({ username: s.username, role: 'agency_staff', agencyId: s.agencyId, ...contact(s) });

/** Whether a person belongs to the unit that holds a matter (see above). */
function inUnit(p: Person, unitId: string): boolean {
  if (p.officeId === unitId) return p.role === 'community_officer' || p.role === 'auxiliary';
  if (p.workstationId === unitId) return p.role === 'contact_officer';
  if (p.stationId === unitId) return p.role === 'station_chief';
  return p.departmentId === unitId;
}

/** The unit a scoped role is placed in. */
function scopeOf(p: Person): string | undefined {
  switch (p.role) {
    case 'station_chief':
      return p.stationId;
    case 'community_officer':
    case 'auxiliary':
      return p.officeId;
    case 'contact_officer':
      return p.workstationId;
    case 'agency_staff':
      return p.agencyId;
    default:
      return undefined;
  }
}

function matches(p: Person, key: string): boolean {
  const [kind, first, second] = key.split('#');
  switch (kind) {
    case 'OFFICER':
      return p.officerId !== undefined && p.officerId === first;
    case 'UNIT':
      return first !== undefined && inUnit(p, first);
    case 'AGENCY':
      return p.role === 'agency_staff' && p.agencyId === first;
    case 'ROLE':
      return p.role === first && (second === undefined || scopeOf(p) === second);
    default:
      return false;
  }
}

const publicFields = ({ stationId: _s, officeId: _o, workstationId: _w, departmentId: _d, ...r }: Person): Recipient => r;

/** A county's active users, for resolving audiences. */
export function countyDirectory(people: readonly Person[]): CountyDirectory {
  return {
    resolve(audience) {
      const seen = new Set<string>();
      const out: Recipient[] = [];
      for (const p of people) {
        if (!matches(p, audience.key) || (audience.roles?.length && !audience.roles.includes(p.role)) || seen.has(p.username)) continue;
        seen.add(p.username);
        out.push(publicFields(p));
      }
      return out;
    },
  };
}

/** Reads the county's active officers and agency staff (two Queries). */
export async function loadCountyDirectory(tenantId: string): Promise<CountyDirectory> {
  const ctx: TenantScopedContext = { tenantId, username: 'system:notifications', name: '通知投递', roles: [], scope: 'tenant' };
  const [officers, staff] = await Promise.all([listAllRecords<Officer>(ctx, 'officer'), listAllRecords<AgencyStaff>(ctx, 'agencyStaff')]);
  return countyDirectory([
    ...officers.filter((o) => o.status === 'active' && o.username).map(officerPerson),
    ...staff.filter((s) => s.status === 'active' && s.username).map(staffPerson),
  ]);
}

export type { Person as DirectoryPerson };
