import type { ErrorDetail } from '@beatlink/shared';
import type { FundedCount, ResourcesUpdateInput, VillageResources } from '@beatlink/shared/registry/households';
import { FUNDERS, RESOURCE_DEVICE_LABELS, RESOURCE_DEVICES, type Funder, type ResourceDevice } from '@beatlink/shared/registry/labels';
import { detailsToFieldErrors, REQUIRED_MESSAGE, type FieldErrors, type FieldPath } from '../form-errors';

/**
 * The village resources (群防群治 / 物防) as the editor's form holds them, and the
 * PUT /villages/{id}/resources body built from them. The checks mirror resourcesUpdateSchema
 * (shared/src/registry/households.ts) without pulling zod into the page; the API's `details[]`
 * are mapped back onto the same field names.
 */
export const RESOURCES_CONFLICT_MESSAGE = '资源信息已被他人修改，已重新加载';

export const DEVICE_KEYS = RESOURCE_DEVICES;
export type DeviceKey = ResourceDevice;
export const DEVICE_TEXT = Object.fromEntries(RESOURCE_DEVICES.map((d) => [d, RESOURCE_DEVICE_LABELS[d].zh])) as Record<ResourceDevice, string>;

/** The limits of resourcesUpdateSchema. */
export const RESOURCES_LIMITS = {
  teams: 50,
  teamName: 100,
  leader: 50,
  teamMembersMin: 1,
  teamMembersMax: 1000,
  countMax: 100_000,
  note: 1000,
} as const;

/** A number cell: null (or undefined) while the user has emptied it. */
type NumberCell = number | null | undefined;

export interface PatrolTeamDraft {
  name?: string;
  leader?: string;
  members?: NumberCell;
}

export interface ResourcesFormValues {
  patrolTeams: PatrolTeamDraft[];
  activists: NumberCell;
  cameras: Record<Funder, NumberCell>;
  windowGuards: Record<Funder, NumberCell>;
  alarms: Record<Funder, NumberCell>;
  note?: string;
}

const NONE: FundedCount = { enterprise: 0, village: 0, bureau: 0 };

/** The form pre-filled from the record read (a village without a record: nothing counted). */
export function resourcesFormValues(resources: VillageResources | undefined): ResourcesFormValues {
  const funded = (c: FundedCount | undefined): Record<Funder, number> => ({ ...NONE, ...c });
  return {
    patrolTeams: (resources?.patrolTeams ?? []).map((t) => ({ name: t.name, leader: t.leader, members: t.members })),
    activists: resources?.activists ?? 0,
    cameras: funded(resources?.cameras),
    windowGuards: funded(resources?.windowGuards),
    alarms: funded(resources?.alarms),
    note: resources?.note ?? '',
  };
}

/** A new, empty patrol team row. */
export const newPatrolTeam = (): PatrolTeamDraft => ({ name: '', leader: '', members: 1 });

const TEAM_FIELDS = new Set(['name', 'leader', 'members']);

/** Whether an error path belongs to a field the editor shows (the rest is shown above the form). */
export function isResourcesField(path: FieldPath): boolean {
  const [head, second, third] = path;
  if (head === 'patrolTeams') {
    if (path.length === 1) return true;
    return path.length === 3 && typeof second === 'number' && typeof third === 'string' && TEAM_FIELDS.has(third);
  }
  if (head === 'activists' || head === 'note') return path.length === 1;
  if ((DEVICE_KEYS as readonly unknown[]).includes(head)) return path.length === 2 && (FUNDERS as readonly unknown[]).includes(second);
  return false;
}

/** The API's 400 `details[]` on the editor's fields. */
export function resourcesErrorFields(details: readonly ErrorDetail[]): FieldErrors {
  return detailsToFieldErrors(details, isResourcesField);
}

function integerProblem(value: NumberCell, min: number, max: number): string | undefined {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return REQUIRED_MESSAGE;
  if (typeof value !== 'number' || !Number.isFinite(value)) return '须为数字';
  if (!Number.isInteger(value)) return '须为整数';
  if (value < min) return `不能小于 ${min}`;
  if (value > max) return `不能大于 ${max}`;
  return undefined;
}

function textProblem(value: string, max: number, required: boolean): string | undefined {
  if (required && !value) return REQUIRED_MESSAGE;
  if (value.length > max) return `最多 ${max} 个字符`;
  return undefined;
}

const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The whole record to PUT with the version read (0 creates it), or the problems by field.
 * Texts are trimmed; an empty note is left out.
 */
export function resourcesBody(values: ResourcesFormValues, version: number): { body: ResourcesUpdateInput } | { errors: FieldErrors } {
  const fields: FieldErrors['fields'] = [];
  const problem = (name: FieldPath, error: string | undefined) => {
    if (error) fields.push({ name, errors: [error] });
  };

  const teams = values.patrolTeams ?? [];
  if (teams.length > RESOURCES_LIMITS.teams) problem(['patrolTeams'], `最多 ${RESOURCES_LIMITS.teams} 支巡逻队`);
  const patrolTeams = teams.map((team, i) => {
    const name = trimmed(team?.name);
    const leader = trimmed(team?.leader);
    problem(['patrolTeams', i, 'name'], textProblem(name, RESOURCES_LIMITS.teamName, true));
    problem(['patrolTeams', i, 'leader'], textProblem(leader, RESOURCES_LIMITS.leader, true));
    problem(['patrolTeams', i, 'members'], integerProblem(team?.members, RESOURCES_LIMITS.teamMembersMin, RESOURCES_LIMITS.teamMembersMax));
    return { name, members: team?.members as number, leader };
  });

  problem(['activists'], integerProblem(values.activists, 0, RESOURCES_LIMITS.countMax));
  const funded = (key: DeviceKey): FundedCount => {
    const cells = values[key] ?? ({} as Record<Funder, NumberCell>);
    const count = { ...NONE };
    for (const funder of FUNDERS) {
      problem([key, funder], integerProblem(cells[funder], 0, RESOURCES_LIMITS.countMax));
      count[funder] = cells[funder] as number;
    }
    return count;
  };
  const cameras = funded('cameras');
  const windowGuards = funded('windowGuards');
  const alarms = funded('alarms');

  const note = trimmed(values.note);
  problem(['note'], textProblem(note, RESOURCES_LIMITS.note, false));

  if (!Number.isInteger(version) || version < 0) return { errors: { fields, general: ['版本号无效，请刷新后重试'] } };
  if (fields.length) return { errors: { fields, general: [] } };
  return {
    body: {
      version,
      patrolTeams,
      activists: values.activists as number,
      cameras,
      windowGuards,
      alarms,
      ...(note ? { note } : {}),
    },
  };
}
