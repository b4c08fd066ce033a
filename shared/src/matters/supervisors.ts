import type { Role } from '../roles';

/**
 * Who supervises matters (催办, 升级督办): the transition table's urge and escalate roles. A module
 * of its own so the portal's menu can name them without loading the whole transition table.
 */
export const MATTER_SUPERVISORS = ['bureau_leader', 'program_office', 'governance_office', 'station_chief'] as const satisfies readonly Role[];
