'use client';

import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Input, InputNumber, Popconfirm, Select, Space, Switch } from 'antd';
import { INDICATOR_DEFS, type IndicatorId } from '@beatlink/shared/assessment/indicators';
import { RULE_SET_LABELS, RULE_SETS, type IndicatorRule, type RuleSet, type ScoreRuleDraft, type ScoreRules } from '@beatlink/shared/assessment/rules';
import type { RulePreview, ScoreRulesView } from '@beatlink/shared/assessment/views';
import { ApiError, describeError, isVersionConflict } from '../../../lib/api-error';
import { indicatorName, pointsText, signedText } from '../../../lib/assessment/format';
import { cellKey, hasErrors, indicatorsOfSet, inputToTarget, newRule, previewRows, rankChangeText, ruleErrorsOfDetails, targetToInput, validateRules, weightSum, withIndicator, type PreviewRow, type RuleErrors, type RuleField } from '../../../lib/assessment/rules';
import { periodTypeOf } from '../../../lib/assessment/runs';
import { formatDateTime } from '../../../lib/format';
import { Notice } from '../Notice';
import { useMessage } from '../feedback';
import { LightTable } from '../matters/LightTable';
import { useSession } from '../session';

const NO_ERRORS: RuleErrors = { cells: {}, sets: {}, general: [] };

type Draft = { version: number; basedOn: number; rules: ScoreRules; updatedAt?: string; updatedByName?: string };

function CellError({ message }: { message?: string }) {
  return message ? (
    <span className="assess-cell-error" role="alert">
      {message}
    </span>
  ) : null;
}

/** One set's rules as editable rows, with the live weight sum. */
function SetEditor({ set, rules, errors, onChange }: { set: RuleSet; rules: IndicatorRule[]; errors: RuleErrors; onChange(rules: IndicatorRule[]): void }) {
  const sum = weightSum(rules);
  const put = (index: number, rule: IndicatorRule) => onChange(rules.map((r, i) => (i === index ? rule : r)));
  const err = (index: number, field: RuleField) => errors.cells[cellKey(set, index, field)];
  const addable = newRule(set, rules);
  const options = indicatorsOfSet(set).map((id) => ({ value: id, label: indicatorName(id) }));
  return (
    <section className="assess-group" data-testid="rule-set-editor" data-set={set}>
      <h3>
        {RULE_SET_LABELS[set]}
        <span className={Math.abs(sum - 100) < 1e-9 ? 'assess-weight-ok' : 'assess-weight-bad'} data-testid="rule-weight-sum">
          （权重合计 {sum} / 100）
        </span>
      </h3>
      {errors.sets[set] && <Alert type="error" showIcon title={errors.sets[set]} style={{ marginBottom: 8 }} />}
      <LightTable<IndicatorRule>
        rows={rules}
        rowKey={(r) => `${set}-${rules.indexOf(r)}`}
        size="small"
        minWidth={900}
        rowProps={(r) => ({ 'data-testid': 'rule-row', 'data-indicator': r.indicator })}
        columns={[
          {
            key: 'indicator',
            title: '指标',
            width: 190,
            render: (r, i) => (
              <>
                <Select<IndicatorId> size="small" style={{ width: 170 }} aria-label="指标" options={options} value={r.indicator} onChange={(id) => put(i, withIndicator(r, id))} status={err(i, 'indicator') ? 'error' : undefined} />
                <CellError message={err(i, 'indicator')} />
              </>
            ),
          },
          {
            key: 'weight',
            title: '权重',
            width: 110,
            render: (r, i) =>
              INDICATOR_DEFS[r.indicator].kind === 'deduction' ? (
                <span className="muted">扣分项</span>
              ) : (
                <>
                  <InputNumber size="small" min={0} max={100} step={1} style={{ width: 90 }} aria-label="权重" value={r.weight} onChange={(v) => put(i, { ...r, weight: v ?? 0 })} status={err(i, 'weight') ? 'error' : undefined} />
                  <CellError message={err(i, 'weight')} />
                </>
              ),
          },
          {
            key: 'target',
            title: '满分标准',
            width: 150,
            render: (r, i) =>
              INDICATOR_DEFS[r.indicator].kind === 'deduction' ? (
                <span className="muted">—</span>
              ) : (
                <>
                  <InputNumber
                    size="small"
                    min={0}
                    max={INDICATOR_DEFS[r.indicator].kind === 'rate' ? 100 : 100_000}
                    style={{ width: 120 }}
                    aria-label="满分标准"
                    suffix={INDICATOR_DEFS[r.indicator].kind === 'rate' ? '%' : '/月'}
                    value={targetToInput(r.indicator, r.target)}
                    onChange={(v) => {
                      const target = inputToTarget(r.indicator, v);
                      put(i, target === undefined ? { indicator: r.indicator, weight: r.weight } : { ...r, target });
                    }}
                    status={err(i, 'target') ? 'error' : undefined}
                  />
                  <CellError message={err(i, 'target')} />
                </>
              ),
          },
          {
            key: 'perUnit',
            title: '每次扣分',
            width: 110,
            render: (r, i) =>
              INDICATOR_DEFS[r.indicator].kind === 'deduction' ? (
                <>
                  <InputNumber size="small" min={0} max={100} style={{ width: 90 }} aria-label="每次扣分" value={r.perUnit} onChange={(v) => put(i, { ...r, perUnit: v ?? undefined })} status={err(i, 'perUnit') ? 'error' : undefined} />
                  <CellError message={err(i, 'perUnit')} />
                </>
              ) : (
                <span className="muted">—</span>
              ),
          },
          {
            key: 'cap',
            title: '最多扣分',
            width: 110,
            render: (r, i) =>
              INDICATOR_DEFS[r.indicator].kind === 'deduction' ? (
                <>
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    style={{ width: 90 }}
                    aria-label="最多扣分"
                    value={r.cap}
                    onChange={(v) => {
                      const { cap: _cap, ...rest } = r;
                      put(i, v === null ? rest : { ...rest, cap: v });
                    }}
                    status={err(i, 'cap') ? 'error' : undefined}
                  />
                  <CellError message={err(i, 'cap')} />
                </>
              ) : (
                <span className="muted">—</span>
              ),
          },
          {
            key: 'remove',
            title: '操作',
            render: (_r, i) => (
              <Button size="small" type="link" danger disabled={rules.length <= 1} onClick={() => onChange(rules.filter((_, j) => j !== i))}>
                删除
              </Button>
            ),
          },
        ]}
      />
      {addable && (
        <Button size="small" style={{ marginTop: 8 }} onClick={() => onChange([...rules, addable])} data-testid="rule-add">
          添加指标
        </Button>
      )}
    </section>
  );
}

/** 预览: a finished period recomputed with the saved draft beside the published scores. */
function PreviewPanel({ disabled }: { disabled?: string }) {
  const { api } = useSession();
  const [period, setPeriod] = useState('');
  const [preview, setPreview] = useState<{ meta: RulePreview; rows: PreviewRow[] }>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const problem = disabled ?? (period && !periodTypeOf(period.trim()) ? '须为月份（2026-10）或季度（2026-Q4）' : undefined);

  const run = async () => {
    if (problem || !period.trim()) return;
    setLoading(true);
    try {
      const meta = await api.post<RulePreview>('/assessment/rules/draft/preview', { period: period.trim() });
      setPreview({ meta, rows: previewRows(meta) });
      setError(undefined);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="assess-section" data-testid="rules-preview">
      <h4>预览：用草稿重算已结束的考核期（不保存任何结果）</h4>
      <div className="assess-toolbar">
        <Input style={{ width: 180 }} placeholder="考核期，如 2026-10" aria-label="预览考核期" value={period} maxLength={7} onChange={(e) => setPeriod(e.target.value)} status={period && problem ? 'error' : undefined} data-testid="rules-preview-period" />
        <Button onClick={() => void run()} loading={loading} disabled={!!problem || !period.trim()} title={problem} data-testid="rules-preview-run">
          预览
        </Button>
        {problem && <span className="matters-hint">{problem}</span>}
      </div>
      {error && <Notice kind="error" title="无法预览">{error}</Notice>}
      {preview && (
        <>
          <p className="muted">
            草稿基于第 {preview.meta.draftBasedOn} 版；现行结果按第 {preview.meta.publishedRulesVersion ?? '—'} 版规则计算。
          </p>
          <LightTable<PreviewRow>
            rows={preview.rows}
            rowKey={(r) => r.subjectId}
            size="small"
            minWidth={800}
            testId="rules-preview-table"
            empty="该期没有可预览的考核对象"
            rowProps={(r) => ({ 'data-testid': 'preview-row', 'data-subject-id': r.subjectId })}
            columns={[
              { key: 'name', title: '姓名', width: 120, render: (r) => r.name },
              { key: 'group', title: '分组', width: 170, render: (r) => r.groupLabel },
              { key: 'current', title: '现行总分', width: 90, render: (r) => (r.currentTotal === undefined ? '—' : pointsText(r.currentTotal)) },
              { key: 'draft', title: '草稿总分', width: 90, render: (r) => pointsText(r.draftTotal) },
              { key: 'change', title: '变化', width: 90, render: (r) => (r.change === undefined ? '—' : <span className={r.change > 0 ? 'assess-up' : r.change < 0 ? 'assess-down' : ''}>{signedText(r.change)}</span>) },
              { key: 'currentRank', title: '现行名次', width: 90, render: (r) => r.currentRank ?? '—' },
              { key: 'draftRank', title: '草稿名次', render: (r) => `${r.draftRank}（${rankChangeText(r.rankChange)}）` },
            ]}
          />
        </>
      )}
    </section>
  );
}

/** 编辑草稿 → 保存 → 预览 → 发布: the draft of the next rules version (GET/PUT /assessment/rules/draft, preview, publish). */
export default function RulesEditor({ current, onPublished }: { current: ScoreRulesView['current']; onPublished(): void }) {
  const { api } = useSession();
  const message = useMessage();
  const [draft, setDraft] = useState<Draft>();
  const [loadError, setLoadError] = useState<string>();
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<RuleErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState('');
  const [publishing, setPublishing] = useState(false);

  const load = useCallback(async () => {
    try {
      const stored = await api.get<ScoreRuleDraft>('/assessment/rules/draft');
      setDraft({ version: stored.version, basedOn: stored.basedOn, rules: stored.rules, updatedAt: stored.updatedAt, updatedByName: stored.updatedByName });
      setLoadError(undefined);
    } catch (error) {
      // No draft yet: start from the version in force (version 0 starts one).
      if (error instanceof ApiError && error.status === 404) setDraft({ version: 0, basedOn: current.version, rules: structuredClone(current.rules) });
      else setLoadError(describeError(error));
    }
    setDirty(false);
    setErrors(NO_ERRORS);
  }, [api, current]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError) {
    return (
      <Notice kind="error" title="无法加载草稿" action={<Button onClick={() => void load()}>重试</Button>}>
        {loadError}
      </Notice>
    );
  }
  if (!draft) return <p className="muted">正在加载草稿…</p>;

  const change = (rules: ScoreRules) => {
    setDraft({ ...draft, rules });
    setDirty(true);
    // Re-check as the user types so the weight sums and cells show what the API would refuse.
    if (hasErrors(errors)) setErrors(validateRules(rules));
  };

  const save = async () => {
    const found = validateRules(draft.rules);
    setErrors(found);
    if (hasErrors(found)) {
      message.error('草稿有误，请按提示修改后再保存');
      return;
    }
    setSaving(true);
    try {
      const saved = await api.put<ScoreRuleDraft>('/assessment/rules/draft', { version: draft.version, rules: draft.rules });
      setDraft({ version: saved.version, basedOn: saved.basedOn, rules: saved.rules, updatedAt: saved.updatedAt, updatedByName: saved.updatedByName });
      setDirty(false);
      message.success('草稿已保存');
    } catch (error) {
      if (isVersionConflict(error) || (error instanceof ApiError && error.status === 409)) {
        message.error('草稿已被他人修改，已重新加载，请核对后再改');
        void load();
        return;
      }
      if (error instanceof ApiError && error.status === 400 && error.details.length) {
        setErrors(ruleErrorsOfDetails(error.details));
        return;
      }
      message.error(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  const publish = async () => {
    setPublishing(true);
    try {
      await api.post('/assessment/rules/publish', { version: draft.version, note: note.trim() });
      message.success('考核细则已发布，之后的考核按新版本计算');
      onPublished();
    } catch (error) {
      if (isVersionConflict(error) || (error instanceof ApiError && error.status === 409)) {
        message.error('草稿已被他人修改或已发布，已重新加载');
        void load();
        return;
      }
      message.error(describeError(error));
    } finally {
      setPublishing(false);
    }
  };

  const unsaved = dirty || draft.version === 0 ? '请先保存草稿' : undefined;
  const publishProblem = unsaved ?? (note.trim() ? undefined : '请填写发布说明');

  return (
    <div data-testid="rules-editor" data-draft-version={draft.version}>
      <div className="assess-run-meta">
        <span>草稿基于第 {draft.basedOn} 版</span>
        {draft.version > 0 ? (
          <span className="muted">
            草稿第 {draft.version} 次保存{draft.updatedByName ? `，${draft.updatedByName} 于 ${formatDateTime(draft.updatedAt)}` : ''}
          </span>
        ) : (
          <span className="muted">尚未保存（从现行第 {current.version} 版开始）</span>
        )}
        {dirty && <span className="matters-hint">有未保存的修改</span>}
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="rules-save">
            保存草稿
          </Button>
          <Button disabled={!dirty} onClick={() => void load()}>
            放弃修改
          </Button>
        </Space>
      </div>
      {errors.general.length > 0 && <Alert type="error" showIcon title={errors.general.join('；')} style={{ marginBottom: 16 }} />}
      {RULE_SETS.map((set) => (
        <SetEditor key={set} set={set} rules={draft.rules[set]} errors={errors} onChange={(rules) => change({ ...draft.rules, [set]: rules })} />
      ))}
      <section className="assess-group" data-testid="rule-groups-editor">
        <h3>考核分组与抽查</h3>
        <div className="assess-switches">
          <label>
            <Switch checked={draft.rules.peerGroups.communityByGrade} onChange={(v) => change({ ...draft.rules, peerGroups: { ...draft.rules.peerGroups, communityByGrade: v } })} data-testid="rules-by-grade" /> 社区民警按等级分组
          </label>
          <label>
            <Switch checked={draft.rules.peerGroups.communityByCategory} onChange={(v) => change({ ...draft.rules, peerGroups: { ...draft.rules.peerGroups, communityByCategory: v } })} data-testid="rules-by-category" /> 社区民警按城乡分组
          </label>
          <label>
            月抽查走访样本数{' '}
            <InputNumber min={0} max={20} precision={0} style={{ width: 80 }} aria-label="月抽查走访样本数" value={draft.rules.spotCheck.visits} onChange={(v) => change({ ...draft.rules, spotCheck: { ...draft.rules.spotCheck, visits: v ?? 0 } })} />
          </label>
          <label>
            入户样本数{' '}
            <InputNumber min={0} max={20} precision={0} style={{ width: 80 }} aria-label="月抽查入户样本数" value={draft.rules.spotCheck.households} onChange={(v) => change({ ...draft.rules, spotCheck: { ...draft.rules.spotCheck, households: v ?? 0 } })} />
          </label>
        </div>
      </section>
      <PreviewPanel disabled={unsaved} />
      <section className="assess-section" data-testid="rules-publish">
        <h4>发布</h4>
        <div className="assess-toolbar">
          <Input style={{ width: 360 }} placeholder="发布说明，如 提高抽查回访权重" aria-label="发布说明" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="rules-publish-note" />
          <Popconfirm title={`发布为第 ${current.version + 1} 版？`} description="发布后，之后的考核按新版本计算；已发布的结果不变。" okText="发布" cancelText="取消" onConfirm={() => void publish()} disabled={!!publishProblem}>
            <Button type="primary" danger loading={publishing} disabled={!!publishProblem} title={publishProblem} data-testid="rules-publish-submit">
              发布
            </Button>
          </Popconfirm>
          {publishProblem && <span className="muted">{publishProblem}</span>}
        </div>
      </section>
    </div>
  );
}
