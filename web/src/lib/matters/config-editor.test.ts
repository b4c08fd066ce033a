import { describe, expect, it } from 'vitest';
import { DEFAULT_MATTER_CONFIG, matterConfigSchema } from '@beatlink/shared/matters/config';
import {
  addCategory,
  addRung,
  cell,
  cellOfPath,
  emptyCells,
  errorsByCell,
  fromDraft,
  removeNewCategory,
  removeRung,
  routeOf,
  routeValue,
  setSla,
  suggestCategoryId,
  toDraft,
  updateCategory,
  updateRung,
} from './config-editor';

const draft = () => toDraft(structuredClone(DEFAULT_MATTER_CONFIG));

describe('the rules draft', () => {
  it('round-trips the configuration unchanged', () => {
    expect(fromDraft(draft())).toEqual(DEFAULT_MATTER_CONFIG);
  });

  it('turns routes into select values and back', () => {
    expect(routeValue({ target: 'police', unitType: 'office' })).toBe('police:office');
    expect(routeValue({ target: 'agency', agencyKind: 'civil_affairs' })).toBe('agency:civil_affairs');
    expect(routeOf('agency:justice')).toEqual({ target: 'agency', agencyKind: 'justice' });
    expect(routeOf('police:station')).toEqual({ target: 'police', unitType: 'station' });
  });

  it('adds a category with a free id, routed and timed like its template, and a valid configuration', () => {
    let d = addCategory(draft(), '校园安全', 'traffic');
    const added = d.categories.at(-1)!;
    expect(added).toMatchObject({ id: 'category_1', name: '校园安全', active: true, isNew: true, route: 'police:station' });
    expect(added.sla.high).toEqual({ acceptHours: 1, feedbackHours: 12 });
    d = updateCategory(d, added.key, { id: 'campus_safety', route: 'agency:education' });
    const config = fromDraft(d);
    expect(config.categories.at(-1)).toEqual({ id: 'campus_safety', name: '校园安全', active: true });
    expect(config.routing.campus_safety).toEqual({ target: 'agency', agencyKind: 'education' });
    expect(config.sla.campus_safety!.medium).toEqual({ acceptHours: 4, feedbackHours: 48 });
    expect(matterConfigSchema.safeParse(config).success).toBe(true);
    // The template's own SLA is a copy, not shared.
    d = setSla(d, added.key, 'high', 'acceptHours', 3);
    expect(fromDraft(d).sla.traffic!.high.acceptHours).toBe(1);
    expect(removeNewCategory(d, added.key).categories).toHaveLength(DEFAULT_MATTER_CONFIG.categories.length);
  });

  it('renames and deactivates a saved category but keeps its id', () => {
    let d = updateCategory(draft(), 'traffic', { name: '道路交通', active: false, id: 'renamed' });
    d = removeNewCategory(d, 'traffic');
    const config = fromDraft(d);
    expect(config.categories.find((c) => c.id === 'traffic')).toEqual({ id: 'traffic', name: '道路交通', active: false });
    expect(config.routing.traffic).toBeDefined();
  });

  it('suggests the first free category id', () => {
    expect(suggestCategoryId(['category_1', 'category_3'])).toBe('category_2');
  });

  it('edits the escalation ladders', () => {
    let d = addRung(draft(), 'agency');
    const rung = d.escalation.agency.at(-1)!;
    expect(rung).toMatchObject({ roles: [], afterOverdueHours: 48 });
    d = updateRung(d, 'agency', rung.key, { roles: ['bureau_leader'], afterOverdueHours: 96 });
    expect(fromDraft(d).escalation.agency.at(-1)).toEqual({ roles: ['bureau_leader'], afterOverdueHours: 96 });
    expect(fromDraft(removeRung(d, 'agency', rung.key)).escalation.agency).toEqual(DEFAULT_MATTER_CONFIG.escalation.agency);
  });
});

describe('errors on the cells', () => {
  it('maps the API dotted paths and zod path arrays onto the cells', () => {
    const d = draft();
    expect(cellOfPath('matters.sla.traffic.high.feedbackHours', d)).toBe(cell.sla('traffic', 'high', 'feedbackHours'));
    expect(cellOfPath(['sla', 'traffic', 'low', 'acceptHours'], d)).toBe(cell.sla('traffic', 'low', 'acceptHours'));
    expect(cellOfPath('matters.categories.1.name', d)).toBe(cell.category('traffic', 'name'));
    expect(cellOfPath('matters.routing.labour', d)).toBe(cell.route('labour'));
    expect(cellOfPath('matters.escalation.police.2.afterOverdueHours', d)).toBe(cell.rung('police', 2, 'afterOverdueHours'));
    expect(cellOfPath('matters.escalation.agency', d)).toBe(cell.ladder('agency'));
    expect(cellOfPath('matters.duplicates.minScore', d)).toBe(cell.duplicates('minScore'));
    expect(cellOfPath('matters.remindBeforeHours', d)).toBe(cell.remindBeforeHours);
    expect(cellOfPath('matters', d)).toBeUndefined();
  });

  it('puts the shared schema issues of a bad edit on the right cells, in Chinese', () => {
    let d = setSla(draft(), 'labour', 'medium', 'feedbackHours', 2);
    d = updateRung(d, 'police', d.escalation.police[3]!.key, { afterOverdueHours: 1 });
    const result = matterConfigSchema.safeParse(fromDraft(d));
    expect(result.success).toBe(false);
    const errors = errorsByCell(result.error!.issues, d);
    expect(errors.cells[cell.sla('labour', 'medium', 'feedbackHours')]).toEqual(['反馈时限不能短于签收时限']);
    expect(errors.cells[cell.rung('police', 3, 'afterOverdueHours')]).toEqual(['升级时限须逐级递增']);
    expect(errors.general).toEqual([]);
  });

  it('groups a new category with a bad id and an unknown path', () => {
    let d = addCategory(draft(), '新分类');
    const key = d.categories.at(-1)!.key;
    d = updateCategory(d, key, { id: 'Bad Id' });
    const errors = errorsByCell(
      [
        { path: `matters.categories.${d.categories.length - 1}.id`, message: '须为 2–40 位小写字母、数字或下划线，以字母开头 / category id' },
        { path: 'version', message: '版本已过期 / stale version' },
      ],
      d,
    );
    expect(errors.cells[cell.category(key, 'id')]).toEqual(['须为 2–40 位小写字母、数字或下划线，以字母开头']);
    expect(errors.general).toEqual(['版本已过期']);
  });

  it('finds emptied cells before anything is sent', () => {
    let d = setSla(draft(), 'traffic', 'high', 'acceptHours', null);
    d = addRung(d, 'police');
    d = { ...d, duplicates: { ...d.duplicates, minScore: null } };
    expect(emptyCells(d).cells).toEqual({
      [cell.sla('traffic', 'high', 'acceptHours')]: ['必填'],
      [cell.rung('police', 4, 'roles')]: ['请选择至少一个角色'],
      [cell.duplicates('minScore')]: ['必填'],
    });
    expect(emptyCells(draft()).cells).toEqual({});
  });
});
