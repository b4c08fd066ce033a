import type { AgencyKind } from '@beatlink/shared/directory/labels';
import type { EscalationLevel, MatterConfig, MatterRoute, PoliceRouteUnit } from '@beatlink/shared/matters/config';
import type { Severity } from '@beatlink/shared/matters/kinds';
import type { Role } from '@beatlink/shared/roles';
import { chinesePart } from '../api-error';

/**
 * The editable model of the county's matter rules (事项规则配置): one row per category carrying
 * its route and SLA, the two escalation ladders, the reminder and duplicate settings. Pure
 * transforms between it and the `matters` section of PUT /config, and the mapping of validation
 * errors (the API's dotted paths or zod's path arrays) onto the cells that caused them.
 */
export type RouteValue = `police:${PoliceRouteUnit}` | `agency:${AgencyKind}`;

/** A number cell: null while the user has emptied it. */
export type NumberCell = number | null;

export interface SlaDraft {
  acceptHours: NumberCell;
  feedbackHours: NumberCell;
}

export interface CategoryDraft {
  /** Stable key of the row (the id for saved categories; a local key for new ones). */
  key: string;
  id: string;
  name: string;
  active: boolean;
  /** Added in this editing session: its id may still be edited, and it may be removed again. */
  isNew: boolean;
  route: RouteValue;
  sla: Record<Severity, SlaDraft>;
}

export interface RungDraft {
  key: string;
  roles: Role[];
  afterOverdueHours: NumberCell;
}

export type LadderName = 'police' | 'agency';

export interface MatterRulesDraft {
  categories: CategoryDraft[];
  remindBeforeHours: NumberCell;
  escalation: Record<LadderName, RungDraft[]>;
  duplicates: { windowDays: NumberCell; minScore: NumberCell };
}

export const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low'];

export function routeValue(route: MatterRoute | undefined): RouteValue {
  if (!route) return 'agency:township';
  return route.target === 'police' ? `police:${route.unitType}` : `agency:${route.agencyKind}`;
}

export function routeOf(value: RouteValue): MatterRoute {
  const [target, kind] = value.split(':') as ['police' | 'agency', string];
  return target === 'police' ? { target: 'police', unitType: kind as PoliceRouteUnit } : { target: 'agency', agencyKind: kind as AgencyKind };
}

const EMPTY_SLA: SlaDraft = { acceptHours: null, feedbackHours: null };

export function toDraft(config: MatterConfig): MatterRulesDraft {
  let rung = 0;
  const ladder = (levels: readonly EscalationLevel[]): RungDraft[] =>
    levels.map((level) => ({ key: `rung-${rung++}`, roles: [...level.roles], afterOverdueHours: level.afterOverdueHours }));
  return {
    categories: config.categories.map((category) => ({
      key: category.id,
      id: category.id,
      name: category.name,
      active: category.active,
      isNew: false,
      route: routeValue(config.routing[category.id]),
      sla: Object.fromEntries(
        SEVERITY_ORDER.map((severity) => {
          const entry = config.sla[category.id]?.[severity];
          return [severity, entry ? { acceptHours: entry.acceptHours, feedbackHours: entry.feedbackHours } : { ...EMPTY_SLA }];
        }),
      ) as Record<Severity, SlaDraft>,
    })),
    remindBeforeHours: config.remindBeforeHours,
    escalation: { police: ladder(config.escalation.police), agency: ladder(config.escalation.agency) },
    duplicates: { windowDays: config.duplicates.windowDays, minScore: config.duplicates.minScore },
  };
}

/**
 * The `matters` section to PUT. An emptied number cell is sent as null, so the API's own check
 * names the cell (the editor checks first, too: `emptyCells`).
 */
export function fromDraft(draft: MatterRulesDraft): MatterConfig {
  const n = (value: NumberCell) => value as number;
  return {
    categories: draft.categories.map((c) => ({ id: c.id.trim(), name: c.name.trim(), active: c.active })),
    routing: Object.fromEntries(draft.categories.map((c) => [c.id.trim(), routeOf(c.route)])),
    sla: Object.fromEntries(
      draft.categories.map((c) => [
        c.id.trim(),
        Object.fromEntries(SEVERITY_ORDER.map((s) => [s, { acceptHours: n(c.sla[s].acceptHours), feedbackHours: n(c.sla[s].feedbackHours) }])),
      ]),
    ) as MatterConfig['sla'],
    remindBeforeHours: n(draft.remindBeforeHours),
    escalation: {
      police: draft.escalation.police.map((r) => ({ roles: [...r.roles], afterOverdueHours: n(r.afterOverdueHours) })),
      agency: draft.escalation.agency.map((r) => ({ roles: [...r.roles], afterOverdueHours: n(r.afterOverdueHours) })),
    },
    duplicates: { windowDays: n(draft.duplicates.windowDays), minScore: n(draft.duplicates.minScore) },
  };
}

// ---- Edits ----

/** `category_1`, `category_2`, …: a free id for a new category (ids are a–z, 0–9 and _; Chinese names cannot be used). */
export function suggestCategoryId(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let i = 1; ; i++) {
    const id = `category_${i}`;
    if (!used.has(id)) return id;
  }
}

let newKey = 0;

/** Adds a category, its route and SLA copied from `template` (another row) or the first row. */
export function addCategory(draft: MatterRulesDraft, name: string, templateKey?: string): MatterRulesDraft {
  const template = draft.categories.find((c) => c.key === templateKey) ?? draft.categories[0];
  const id = suggestCategoryId(draft.categories.map((c) => c.id));
  const row: CategoryDraft = {
    key: `new-${++newKey}-${id}`,
    id,
    name,
    active: true,
    isNew: true,
    route: template?.route ?? 'agency:township',
    sla: template
      ? (Object.fromEntries(SEVERITY_ORDER.map((s) => [s, { ...template.sla[s] }])) as Record<Severity, SlaDraft>)
      : { high: { ...EMPTY_SLA }, medium: { ...EMPTY_SLA }, low: { ...EMPTY_SLA } },
  };
  return { ...draft, categories: [...draft.categories, row] };
}

export function updateCategory(draft: MatterRulesDraft, key: string, patch: Partial<Pick<CategoryDraft, 'id' | 'name' | 'active' | 'route'>>): MatterRulesDraft {
  return {
    ...draft,
    categories: draft.categories.map((c) => {
      if (c.key !== key) return c;
      // A saved category keeps its id: matters refer to it.
      const { id, ...rest } = patch;
      return { ...c, ...rest, ...(id !== undefined && c.isNew ? { id } : {}) };
    }),
  };
}

/** Removes a category added in this session; saved ones are deactivated instead. */
export function removeNewCategory(draft: MatterRulesDraft, key: string): MatterRulesDraft {
  return { ...draft, categories: draft.categories.filter((c) => c.key !== key || !c.isNew) };
}

export function setSla(draft: MatterRulesDraft, key: string, severity: Severity, field: keyof SlaDraft, value: NumberCell): MatterRulesDraft {
  return {
    ...draft,
    categories: draft.categories.map((c) => (c.key === key ? { ...c, sla: { ...c.sla, [severity]: { ...c.sla[severity], [field]: value } } } : c)),
  };
}

export function addRung(draft: MatterRulesDraft, ladder: LadderName): MatterRulesDraft {
  const rungs = draft.escalation[ladder];
  const last = rungs[rungs.length - 1];
  const rung: RungDraft = { key: `rung-new-${++newKey}`, roles: [], afterOverdueHours: last?.afterOverdueHours ?? 0 };
  return { ...draft, escalation: { ...draft.escalation, [ladder]: [...rungs, rung] } };
}

export function removeRung(draft: MatterRulesDraft, ladder: LadderName, key: string): MatterRulesDraft {
  return { ...draft, escalation: { ...draft.escalation, [ladder]: draft.escalation[ladder].filter((r) => r.key !== key) } };
}

export function updateRung(draft: MatterRulesDraft, ladder: LadderName, key: string, patch: Partial<Pick<RungDraft, 'roles' | 'afterOverdueHours'>>): MatterRulesDraft {
  return { ...draft, escalation: { ...draft.escalation, [ladder]: draft.escalation[ladder].map((r) => (r.key === key ? { ...r, ...patch } : r)) } };
}

// ---- Cells and their errors ----

export const cell = {
  category: (rowKey: string, field: 'id' | 'name' | 'active') => `category:${rowKey}:${field}`,
  route: (rowKey: string) => `route:${rowKey}`,
  sla: (rowKey: string, severity: Severity, field: keyof SlaDraft) => `sla:${rowKey}:${severity}:${field}`,
  rung: (ladder: LadderName, index: number, field: 'roles' | 'afterOverdueHours') => `rung:${ladder}:${index}:${field}`,
  ladder: (ladder: LadderName) => `ladder:${ladder}`,
  remindBeforeHours: 'remindBeforeHours',
  duplicates: (field: 'windowDays' | 'minScore') => `duplicates:${field}`,
  categories: 'categories',
};

export interface CellErrors {
  cells: Record<string, string[]>;
  general: string[];
}

type PathSegment = string | number;

/** `matters.sla.x.high.acceptHours` or ['sla','x','high','acceptHours'] → segments without the `matters` prefix. */
function segmentsOf(path: string | readonly PropertyKey[]): PathSegment[] {
  const raw: PathSegment[] =
    typeof path === 'string'
      ? path
          .split('.')
          .filter(Boolean)
          .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
      : path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  return raw[0] === 'matters' ? raw.slice(1) : raw;
}

/** The cell an error path points at, or undefined when it is about the whole section. */
export function cellOfPath(path: string | readonly PropertyKey[], draft: MatterRulesDraft): string | undefined {
  const [head, a, b, c] = segmentsOf(path);
  const rowById = (id: unknown) => draft.categories.find((row) => row.id.trim() === id);
  switch (head) {
    case 'categories': {
      if (typeof a !== 'number') return cell.categories;
      const row = draft.categories[a];
      if (!row) return cell.categories;
      return cell.category(row.key, b === 'id' || b === 'active' ? b : 'name');
    }
    case 'routing': {
      const row = rowById(a);
      return row ? cell.route(row.key) : undefined;
    }
    case 'sla': {
      const row = rowById(a);
      if (!row) return undefined;
      if (b !== 'high' && b !== 'medium' && b !== 'low') return cell.sla(row.key, 'high', 'acceptHours');
      return cell.sla(row.key, b, c === 'feedbackHours' ? 'feedbackHours' : 'acceptHours');
    }
    case 'escalation': {
      if (a !== 'police' && a !== 'agency') return undefined;
      if (typeof b !== 'number') return cell.ladder(a);
      return cell.rung(a, b, c === 'afterOverdueHours' ? 'afterOverdueHours' : 'roles');
    }
    case 'remindBeforeHours':
      return cell.remindBeforeHours;
    case 'duplicates':
      return a === 'windowDays' || a === 'minScore' ? cell.duplicates(a) : undefined;
    default:
      return undefined;
  }
}

/** Errors grouped by cell; the rest (and a cell-less path) are general. Messages keep their Chinese half. */
export function errorsByCell(issues: ReadonlyArray<{ path: string | readonly PropertyKey[]; message: string }>, draft: MatterRulesDraft): CellErrors {
  const cells: Record<string, string[]> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const message = chinesePart(issue.message);
    const key = cellOfPath(issue.path, draft);
    if (!key) {
      if (!general.includes(message)) general.push(message);
      continue;
    }
    const list = (cells[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return { cells, general };
}

/** Cells the user emptied or left incomplete: checked before anything is sent. */
export function emptyCells(draft: MatterRulesDraft): CellErrors {
  const cells: Record<string, string[]> = {};
  const mark = (key: string, message = '必填') => (cells[key] = [message]);
  draft.categories.forEach((c) => {
    if (!c.name.trim()) mark(cell.category(c.key, 'name'));
    if (!c.id.trim()) mark(cell.category(c.key, 'id'));
    for (const s of SEVERITY_ORDER) {
      if (c.sla[s].acceptHours === null) mark(cell.sla(c.key, s, 'acceptHours'));
      if (c.sla[s].feedbackHours === null) mark(cell.sla(c.key, s, 'feedbackHours'));
    }
  });
  for (const ladder of ['police', 'agency'] as const) {
    draft.escalation[ladder].forEach((r, i) => {
      if (!r.roles.length) mark(cell.rung(ladder, i, 'roles'), '请选择至少一个角色');
      if (r.afterOverdueHours === null) mark(cell.rung(ladder, i, 'afterOverdueHours'));
    });
  }
  if (draft.remindBeforeHours === null) mark(cell.remindBeforeHours);
  if (draft.duplicates.windowDays === null) mark(cell.duplicates('windowDays'));
  if (draft.duplicates.minScore === null) mark(cell.duplicates('minScore'));
  return { cells, general: [] };
}
