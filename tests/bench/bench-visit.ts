import { closedVisit, type ClosedVisitSpec } from '@beatlink/infra/local/history-records';
import type { StoredVisit } from '@beatlink/functions/data/visits';

export type BenchVisitSpec = Omit<ClosedVisitSpec, 'householdsVisited' | 'by'>;

/** A finished visit (checked in and out, four households) as the API would have stored it. */
export function benchVisit(spec: BenchVisitSpec): StoredVisit {
  return closedVisit({ ...spec, householdsVisited: 4, by: 'bench' });
}
