'use client';

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Input, InputNumber, Select, Space, Switch } from 'antd';
import { AGENCY_KINDS, AGENCY_KIND_LABELS } from '@beatlink/shared/directory/labels';
import type { MatterConfig } from '@beatlink/shared/matters/config';
import { SEVERITY_LABELS } from '@beatlink/shared/matters/kinds';
import type { TenantConfigRecord } from '@beatlink/shared/platform/config';
import { ROLES, ROLE_LABELS, type Role } from '@beatlink/shared/roles';
import { ApiError, describeError, isVersionConflict } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import {
  SEVERITY_ORDER,
  addCategory,
  addRung,
  cell,
  emptyCells,
  errorsByCell,
  fromDraft,
  removeNewCategory,
  removeRung,
  setSla,
  toDraft,
  updateCategory,
  updateRung,
  type CategoryDraft,
  type CellErrors,
  type LadderName,
  type MatterRulesDraft,
  type RouteValue,
} from '../../../lib/matters/config-editor';
import { POLICE_UNIT_LABELS } from '../../../lib/matters/labels';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { LightTable, type LightColumn } from './LightTable';
import { rememberMatterSettings } from './settings';
import './matters.css';

const ROUTE_OPTIONS = [
  { label: '公安', options: (Object.keys(POLICE_UNIT_LABELS) as Array<keyof typeof POLICE_UNIT_LABELS>).map((u) => ({ value: `police:${u}`, label: `公安 · ${POLICE_UNIT_LABELS[u]}` })) },
  { label: '综治成员单位', options: AGENCY_KINDS.map((k) => ({ value: `agency:${k}`, label: `成员单位 · ${AGENCY_KIND_LABELS[k].zh}` })) },
];
const LADDER_ROLES = ROLES.filter((r) => r !== 'platform_admin' && r !== 'province_viewer').map((r) => ({ value: r, label: ROLE_LABELS[r].zh }));
const LADDERS: Array<{ name: LadderName; title: string; hint: string }> = [
  { name: 'police', title: '公安承办事项', hint: '第 0 级为承办民警本人；此后每一级在超期达到所设小时数时升级。' },
  { name: 'agency', title: '成员单位承办事项', hint: '第 0 级为承办单位工作人员。' },
];

function CellError({ errors, name }: { errors: CellErrors; name: string }) {
  const list = errors.cells[name];
  if (!list?.length) return null;
  return (
    <div className="rules-cell-error" data-testid={`rules-error-${name}`}>
      {list.join('；')}
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label style={{ display: 'inline-flex', flexDirection: 'column', gap: 4 }}>
      <span className="muted">{label}</span>
      {children}
    </label>
  );
}

/** 事项规则配置 (program office): categories, routing, SLA, reminders, escalation ladders, duplicate rules; saved as a whole with the version. */
export function MatterRulesEditor() {
  const { api, can } = useSession();
  const message = useMessage();
  const writable = can('config.update');
  const [record, setRecord] = useState<TenantConfigRecord>();
  const [draft, setDraft] = useState<MatterRulesDraft>();
  const [errors, setErrors] = useState<CellErrors>({ cells: {}, general: [] });
  const [loadError, setLoadError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [newName, setNewName] = useState('');

  const load = useCallback(async () => {
    try {
      const next = await api.get<TenantConfigRecord>('/config');
      setRecord(next);
      setDraft(toDraft(next.matters));
      setErrors({ cells: {}, general: [] });
      setLoadError(undefined);
    } catch (error) {
      setLoadError(describeError(error));
    }
  }, [api]);

  useEffect(() => {
    if (writable) void load();
  }, [load, writable]);

  const dirty = useMemo(() => !!record && !!draft && JSON.stringify(fromDraft(draft)) !== JSON.stringify(fromDraft(toDraft(record.matters))), [record, draft]);
  const edit = (change: (d: MatterRulesDraft) => MatterRulesDraft) => setDraft((d) => (d ? change(d) : d));
  const invalid = (name: string) => (errors.cells[name]?.length ? ('error' as const) : undefined);

  const save = async () => {
    if (!draft || !record) return;
    const empty = emptyCells(draft);
    if (Object.keys(empty.cells).length) {
      setErrors({ ...empty, general: ['有未填写的项目，请检查标红的单元格'] });
      return;
    }
    const matters: MatterConfig = fromDraft(draft);
    // The shared rules check the tables before they are sent (zod is fetched only now).
    const { matterConfigSchema } = await import('@beatlink/shared/matters/config');
    const checked = matterConfigSchema.safeParse(matters);
    if (!checked.success) {
      const mapped = errorsByCell(checked.error.issues, draft);
      setErrors({ ...mapped, general: mapped.general.length ? mapped.general : ['配置有误，请检查标红的单元格'] });
      return;
    }
    setSaving(true);
    setErrors({ cells: {}, general: [] });
    try {
      const saved = await api.put<TenantConfigRecord>('/config', { version: record.version, matters });
      rememberMatterSettings(api, saved);
      setRecord(saved);
      setDraft(toDraft(saved.matters));
      message.success('事项规则已保存');
    } catch (error) {
      if (isVersionConflict(error) || (error instanceof ApiError && error.status === 409)) {
        message.error('配置已被他人修改，已重新加载最新配置，请重新修改');
        await load();
        return;
      }
      if (error instanceof ApiError && error.details.length) {
        const mapped = errorsByCell(error.details, draft);
        setErrors({ ...mapped, general: mapped.general.length ? mapped.general : ['配置有误，请检查标红的单元格'] });
        return;
      }
      setErrors({ cells: {}, general: [describeError(error)] });
    } finally {
      setSaving(false);
    }
  };

  const columns: Array<LightColumn<CategoryDraft>> = [
      {
        key: 'id',
        title: '编号',
        width: 150,
        render: (row) => (
          <>
            {row.isNew ? (
              <Input size="small" value={row.id} status={invalid(cell.category(row.key, 'id'))} onChange={(e) => edit((d) => updateCategory(d, row.key, { id: e.target.value }))} data-testid={`rules-id-${row.key}`} />
            ) : (
              <code>{row.id}</code>
            )}
            <CellError errors={errors} name={cell.category(row.key, 'id')} />
          </>
        ),
      },
      {
        key: 'name',
        title: '名称',
        width: 140,
        render: (row) => (
          <>
            <Input size="small" value={row.name} maxLength={30} status={invalid(cell.category(row.key, 'name'))} onChange={(e) => edit((d) => updateCategory(d, row.key, { name: e.target.value }))} data-testid={`rules-name-${row.key}`} />
            <CellError errors={errors} name={cell.category(row.key, 'name')} />
          </>
        ),
      },
      {
        key: 'active',
        title: '启用',
        width: 70,
        render: (row) => <Switch size="small" checked={row.active} onChange={(active) => edit((d) => updateCategory(d, row.key, { active }))} data-testid={`rules-active-${row.key}`} />,
      },
      {
        key: 'route',
        title: '分派至',
        width: 230,
        render: (row) => (
          <>
            <Select
              size="small"
              style={{ width: 210 }}
              options={ROUTE_OPTIONS}
              value={row.route}
              status={invalid(cell.route(row.key))}
              onChange={(route: RouteValue) => edit((d) => updateCategory(d, row.key, { route }))}
              data-testid={`rules-route-${row.key}`}
            />
            <CellError errors={errors} name={cell.route(row.key)} />
          </>
        ),
      },
      ...SEVERITY_ORDER.map((severity) => ({
        key: `sla-${severity}`,
        title: `${SEVERITY_LABELS[severity].zh}：签收 / 反馈（小时）`,
        width: 190,
        render: (row: CategoryDraft) => (
          <>
            <div className="rules-sla">
              {(['acceptHours', 'feedbackHours'] as const).map((field) => (
                <InputNumber
                  key={field}
                  size="small"
                  min={0}
                  style={{ width: 80 }}
                  value={row.sla[severity][field]}
                  status={invalid(cell.sla(row.key, severity, field))}
                  onChange={(value: number | null) => edit((d) => setSla(d, row.key, severity, field, value))}
                  aria-label={`${row.name} ${SEVERITY_LABELS[severity].zh} ${field === 'acceptHours' ? '签收时限' : '反馈时限'}`}
                  data-testid={`rules-sla-${row.key}-${severity}-${field}`}
                />
              ))}
            </div>
            <CellError errors={errors} name={cell.sla(row.key, severity, 'acceptHours')} />
            <CellError errors={errors} name={cell.sla(row.key, severity, 'feedbackHours')} />
          </>
        ),
      })),
      {
        key: 'actions',
        title: '',
        width: 70,
        render: (row) =>
          row.isNew ? (
            <Button size="small" type="link" danger onClick={() => edit((d) => removeNewCategory(d, row.key))}>
              移除
            </Button>
          ) : null,
      },
  ];

  if (!writable) {
    return (
      <Notice kind="warning" title="无权访问">
        事项规则由活动办配置。
      </Notice>
    );
  }
  if (loadError) {
    return (
      <Notice kind="error" title="无法加载配置" action={<Button onClick={() => void load()}>重试</Button>}>
        {loadError}
      </Notice>
    );
  }
  if (!draft || !record) return <p className="muted">正在加载…</p>;

  return (
    <div data-testid="matter-rules">
      <div className="rules-bar">
        <span className="muted">
          第 {record.version} 版 · {formatDateTime(record.updatedAt, record.timeZone)} 由 {record.updatedBy} 更新
        </span>
        <Space>
          <Button disabled={!dirty || saving} onClick={() => (setDraft(toDraft(record.matters)), setErrors({ cells: {}, general: [] }))}>
            撤销修改
          </Button>
          <Button type="primary" disabled={!dirty} loading={saving} onClick={() => void save()} data-testid="rules-save">
            保存规则
          </Button>
        </Space>
      </div>
      {errors.general.length > 0 && <Alert type="error" showIcon title={errors.general.join('；')} style={{ marginBottom: 16 }} data-testid="rules-error" />}

      <Panel
        title="分类、分派与办理时限"
        testId="rules-categories"
        extra={
          <Space>
            <Input placeholder="新分类名称" value={newName} maxLength={30} onChange={(e) => setNewName(e.target.value)} style={{ width: 160 }} data-testid="rules-new-name" />
            <Button
              disabled={!newName.trim()}
              onClick={() => {
                edit((d) => addCategory(d, newName.trim()));
                setNewName('');
              }}
              data-testid="rules-add-category"
            >
              添加分类
            </Button>
          </Space>
        }
      >
        <p className="muted">分类停用后不再用于新录入的事项，已有事项不受影响。办理时限自交办时起算：签收时限内须签收，反馈时限内须反馈。</p>
        <CellError errors={errors} name={cell.categories} />
        <LightTable rowKey={(row) => row.key} size="small" columns={columns} rows={draft.categories} minWidth={1200} rowProps={(row) => ({ 'data-testid': `rules-row-${row.key}` })} />
      </Panel>

      <div className="rules-section rules-ladders">
        {LADDERS.map(({ name, title, hint }) => (
          <Panel key={name} title={`升级督办阶梯：${title}`} testId={`rules-ladder-${name}`}>
            <p className="muted">{hint}</p>
            <CellError errors={errors} name={cell.ladder(name)} />
            {draft.escalation[name].map((rung, i) => (
              <div key={rung.key} className="rules-rung">
                <strong style={{ width: 56, paddingTop: 4 }}>第 {i} 级</strong>
                <div>
                  <Select
                    mode="multiple"
                    style={{ minWidth: 320 }}
                    options={LADDER_ROLES}
                    value={rung.roles}
                    status={invalid(cell.rung(name, i, 'roles'))}
                    onChange={(roles: Role[]) => edit((d) => updateRung(d, name, rung.key, { roles }))}
                    placeholder="通知的角色"
                  />
                  <CellError errors={errors} name={cell.rung(name, i, 'roles')} />
                </div>
                <div>
                  <InputNumber
                    min={0}
                    style={{ width: 150 }}
                    suffix="小时"
                    prefix="超期"
                    value={rung.afterOverdueHours}
                    status={invalid(cell.rung(name, i, 'afterOverdueHours'))}
                    onChange={(value: number | null) => edit((d) => updateRung(d, name, rung.key, { afterOverdueHours: value }))}
                  />
                  <CellError errors={errors} name={cell.rung(name, i, 'afterOverdueHours')} />
                </div>
                <Button type="link" danger disabled={draft.escalation[name].length <= 2} onClick={() => edit((d) => removeRung(d, name, rung.key))}>
                  删除
                </Button>
              </div>
            ))}
            <Button onClick={() => edit((d) => addRung(d, name))} disabled={draft.escalation[name].length >= 8}>
              添加一级
            </Button>
          </Panel>
        ))}
      </div>

      <Panel title="督导提醒与疑似重复" testId="rules-other">
        <Space wrap size="large" align="start">
          <div>
            <Field label="到期前提醒（小时）">
              <InputNumber min={0} value={draft.remindBeforeHours} status={invalid(cell.remindBeforeHours)} onChange={(value: number | null) => edit((d) => ({ ...d, remindBeforeHours: value }))} data-testid="rules-remind" />
            </Field>
            <CellError errors={errors} name={cell.remindBeforeHours} />
          </div>
          <div>
            <Field label="疑似重复：时间窗口（天）">
              <InputNumber min={1} precision={0} value={draft.duplicates.windowDays} status={invalid(cell.duplicates('windowDays'))} onChange={(value: number | null) => edit((d) => ({ ...d, duplicates: { ...d.duplicates, windowDays: value } }))} data-testid="rules-window" />
            </Field>
            <CellError errors={errors} name={cell.duplicates('windowDays')} />
          </div>
          <div>
            <Field label="疑似重复：最低相似度（0–1）">
              <InputNumber min={0} max={1} step={0.05} value={draft.duplicates.minScore} status={invalid(cell.duplicates('minScore'))} onChange={(value: number | null) => edit((d) => ({ ...d, duplicates: { ...d.duplicates, minScore: value } }))} data-testid="rules-min-score" />
            </Field>
            <CellError errors={errors} name={cell.duplicates('minScore')} />
          </div>
        </Space>
      </Panel>
    </div>
  );
}
