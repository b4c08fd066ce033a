import { newId, zonedWallTime } from '@beatlink/shared';
import type { StoredVisit } from '@beatlink/functions/data/visits';

export interface BenchVisitSpec {
  tenantId: string;
  officer: { id: string; name: string; role: 'community_officer' | 'contact_officer' };
  place: { villageId: string; villageName: string; officeId: string; workstationId: string; stationId: string };
  /** Local date and start time in `timeZone`, and how long he stayed. */
  date: string;
  from: string;
  minutes: number;
  timeZone: string;
}

/** A finished visit (checked in and out, four households) as the API would have stored it. */
export function benchVisit(spec: BenchVisitSpec): StoredVisit {
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
    householdsVisited: 4,
    peopleTalkedTo: 9,
    matterIds: [],
    minutes: spec.minutes,
    status: 'closed',
    version: 2,
    createdAt: checkedInAt,
    updatedAt: checkedOutAt,
    createdBy: 'bench',
    updatedBy: 'bench',
  };
}
