import { newId, zonedWallTime } from '@beatlink/shared';
import type { StoredVisit } from '@beatlink/functions/data/visits';

/**
 * Records as the services would have stored them, for laying down history straight into the
 * table (the demo's earlier months, the benchmarks' large counties) where playing every step
 * through the services would take too long.
 */
export interface VisitPlace {
  villageId: string;
  villageName: string;
  officeId: string;
  workstationId: string;
  stationId: string;
}

export interface ClosedVisitSpec {
  tenantId: string;
  officer: { id: string; name: string; role: 'community_officer' | 'contact_officer' };
  place: VisitPlace;
  /** Local date and start time in `timeZone`, and how long he stayed. */
  date: string;
  from: string;
  minutes: number;
  timeZone: string;
  householdsVisited: number;
  /** Who the record says made it (the officer's username; the benchmarks' marker). */
  by: string;
}

/** A finished visit: checked in on the spot, checked out `minutes` later. */
export function closedVisit(spec: ClosedVisitSpec): StoredVisit {
  const start = zonedWallTime(spec.date, spec.from, spec.timeZone);
  const checkedInAt = new Date(start).toISOString();
  const checkedOutAt = new Date(start + spec.minutes * 60_000).toISOString();
  return {
    tenantId: spec.tenantId,
    id: newId('visit', start),
    officerId: spec.officer.id,
    officerName: spec.officer.name,
    role: spec.officer.role,
    ...spec.place,
    checkedInAt,
    checkInFlag: { flagged: false },
    makeUp: false,
    checkedOutAt,
    householdsVisited: spec.householdsVisited,
    peopleTalkedTo: spec.householdsVisited * 2 + 1,
    matterIds: [],
    minutes: spec.minutes,
    status: 'closed',
    version: 2,
    createdAt: checkedInAt,
    updatedAt: checkedOutAt,
    createdBy: spec.by,
    updatedBy: spec.by,
  };
}
