import { MATTER_STATUS_LABELS, type MatterStatus } from '@beatlink/shared/matters/kinds';

/**
 * A matter's page on the phone and its status in Chinese: what the intake form needs after a
 * save, without the timeline and deadline helpers of matters.ts (the intake page's first load).
 */
export const matterHref = (id: string) => `/m/matter?id=${encodeURIComponent(id)}`;

export function statusLabel(status: MatterStatus): string {
  return MATTER_STATUS_LABELS[status]?.zh ?? status;
}
