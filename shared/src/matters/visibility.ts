import type { Role } from '../roles';
import type { MatterHolder } from './views';

/**
 * Who sees which matter, and who counts as its assignee. Pure and zod-free: the API uses it on
 * every read and transition (a matter the caller may not see is a 404), the portal to label
 * inboxes.
 */
export interface MatterViewer {
  roles: readonly Role[];
  username: string;
  officerId?: string;
  /** The caller's unit: a station for a chief, an office, a workstation or a department. */
  unitId?: string;
  agencyId?: string;
}

/** The fields of a matter visibility depends on. */
export interface MatterPlacement {
  stationId: string;
  officeId: string;
  workstationId: string;
  linkage: boolean;
  holder?: Pick<MatterHolder, 'type' | 'id' | 'officerId' | 'stationId'>;
  createdBy: string;
}

function holdsIt(viewer: MatterViewer, matter: MatterPlacement): boolean {
  const holder = matter.holder;
  if (!holder) return false;
  if (holder.type === 'agency') return viewer.agencyId !== undefined && holder.id === viewer.agencyId;
  return (viewer.unitId !== undefined && holder.id === viewer.unitId) || (viewer.officerId !== undefined && holder.officerId === viewer.officerId);
}

function roleSees(role: Role, viewer: MatterViewer, matter: MatterPlacement): boolean {
  switch (role) {
    case 'bureau_leader':
    case 'program_office':
      return true;
    case 'governance_office':
      return matter.linkage;
    case 'station_chief':
      return viewer.unitId !== undefined && (matter.stationId === viewer.unitId || matter.holder?.stationId === viewer.unitId || holdsIt(viewer, matter));
    case 'community_officer':
    case 'auxiliary':
      return viewer.unitId !== undefined && matter.officeId === viewer.unitId;
    case 'contact_officer':
      return viewer.unitId !== undefined && matter.workstationId === viewer.unitId;
    case 'agency_staff':
      return matter.holder?.type === 'agency' && matter.holder.id === viewer.agencyId;
    default:
      return false;
  }
}

/** Every role also sees what it took in and what it holds; agency staff only what their agency holds. */
export function matterVisibleTo(viewer: MatterViewer, matter: MatterPlacement): boolean {
  const police = viewer.roles.some((r) => r !== 'agency_staff' && r !== 'platform_admin' && r !== 'province_viewer');
  if (police && (matter.createdBy === viewer.username || holdsIt(viewer, matter))) return true;
  return viewer.roles.some((role) => roleSees(role, viewer, matter));
}

/**
 * The caller is the matter's assignee (for accept, return, feedback): staff of the holding
 * agency, an officer of the holding unit or the named officer, or the chief of the station the
 * holding unit belongs to.
 */
export function isAssignee(viewer: MatterViewer, matter: Pick<MatterPlacement, 'holder'>): boolean {
  const holder = matter.holder;
  if (!holder) return false;
  if (holder.type === 'agency') return viewer.roles.includes('agency_staff') && viewer.agencyId === holder.id;
  if (viewer.roles.includes('agency_staff') && viewer.roles.length === 1) return false;
  if (holder.officerId) {
    return viewer.officerId === holder.officerId || (viewer.roles.includes('station_chief') && viewer.unitId !== undefined && viewer.unitId === holder.stationId);
  }
  if (viewer.unitId === holder.id) return true;
  return viewer.roles.includes('station_chief') && viewer.unitId !== undefined && viewer.unitId === holder.stationId;
}
