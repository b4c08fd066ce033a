/* Zod-free: the portal imports the inbox names and labels without schemas. */

/**
 * Inboxes (GET /matters?inbox=…), each served by one Query of its own index:
 * - `all`: every matter the caller may see (the county, his station, his office / workstation, or
 *   his agency's);
 * - `triage`: waiting for triage (to triage, reopened);
 * - `mine`: held by the caller's own unit or agency, or by him by name;
 * - `reported`: taken in by the caller;
 * - `overdue`: past their running deadline, most overdue first;
 * - `linkage`: linkage matters (综治联动) of the county.
 */
export const MATTER_INBOXES = ['all', 'triage', 'mine', 'reported', 'overdue', 'linkage'] as const;
export type MatterInbox = (typeof MATTER_INBOXES)[number];
export const MATTER_INBOX_LABELS: Record<MatterInbox, { zh: string; en: string }> = {
  all: { zh: '全部事项', en: 'All' },
  triage: { zh: '待研判', en: 'To triage' },
  mine: { zh: '我的待办', en: 'Mine' },
  reported: { zh: '我录入的', en: 'Taken in by me' },
  overdue: { zh: '超期督办', en: 'Overdue' },
  linkage: { zh: '综治联动', en: 'Linkage' },
};
