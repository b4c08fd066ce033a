'use client';

import { useState, type ReactNode } from 'react';
import { Alert, Button, Input, Modal, Space } from 'antd';
import type { SensitivePeriod } from '@beatlink/shared/analysis/sensitive-periods';
import { ApiError, describeError, isVersionConflict } from '../../../lib/api-error';
import { NAME_MAX, NOTE_MAX, draftOf, emptyDraft, periodBody, periodFieldOfPath, validatePeriod, type PeriodDraft, type PeriodErrors } from '../../../lib/analysis/sensitive-periods';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { splitDetails } from '../../../lib/form-errors';

export interface SensitivePeriodDialogProps {
  /** The period to edit; absent → a new one. */
  period?: SensitivePeriod;
  onClose(): void;
  onSaved(period: SensitivePeriod): void;
  /** Someone else changed the period first (409): the page reloads the list. */
  onConflict(): void;
}

/** A labelled input with its error under it (antd Form would be more than these four fields need). */
function Field({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <label className="period-field">
      <span className="period-label">{label}</span>
      {children}
      {error && (
        <span className="period-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

/** 新建 / 修改敏感时期: name, first and last day, note; an edit sends the version read. */
export default function SensitivePeriodDialog({ period, onClose, onSaved, onConflict }: SensitivePeriodDialogProps) {
  const { api } = useSession();
  const message = useMessage();
  const [draft, setDraft] = useState<PeriodDraft>(() => (period ? draftOf(period) : emptyDraft()));
  const [errors, setErrors] = useState<PeriodErrors>({});
  const [general, setGeneral] = useState<string>();
  const [saving, setSaving] = useState(false);
  const set = (field: keyof PeriodDraft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: event.target.value }));

  const save = async () => {
    const found = validatePeriod(draft);
    setErrors(found);
    setGeneral(undefined);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const saved = period
        ? await api.put<SensitivePeriod>(`/analysis/sensitive-periods/${encodeURIComponent(period.id)}`, periodBody(draft, period.version))
        : await api.post<SensitivePeriod>('/analysis/sensitive-periods', periodBody(draft));
      message.success(period ? '敏感时期已修改' : '敏感时期已设立，期间每日生成日调度');
      onSaved(saved);
    } catch (error) {
      if (isVersionConflict(error) || (error instanceof ApiError && error.status === 409)) {
        message.error('该敏感时期已被他人修改，已重新加载，请核对后再改');
        onConflict();
        return;
      }
      if (error instanceof ApiError && error.status === 400 && error.details.length) {
        const { fields, rest } = splitDetails(error.details, periodFieldOfPath);
        setErrors(fields);
        if (rest.length) setGeneral(rest.join('；'));
        return;
      }
      setGeneral(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={period ? `修改敏感时期：${period.name}` : '设立敏感时期'}
      width={560}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="period-save">
            保存
          </Button>
        </Space>
      }
    >
      <div data-testid="period-dialog">
        {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} />}
        <Field label="名称（如 国庆安保）" error={errors.name}>
          <Input value={draft.name} onChange={set('name')} maxLength={NAME_MAX} status={errors.name ? 'error' : undefined} data-testid="period-name" />
        </Field>
        <div className="period-form">
          <Field label="开始日期" error={errors.startDate}>
            <Input type="date" value={draft.startDate} onChange={set('startDate')} status={errors.startDate ? 'error' : undefined} data-testid="period-start" />
          </Field>
          <Field label="结束日期（含当日）" error={errors.endDate}>
            <Input type="date" value={draft.endDate} min={draft.startDate || undefined} onChange={set('endDate')} status={errors.endDate ? 'error' : undefined} data-testid="period-end" />
          </Field>
        </div>
        <Field label="备注" error={errors.note}>
          <Input.TextArea rows={3} value={draft.note} onChange={set('note')} maxLength={NOTE_MAX} showCount data-testid="period-note" />
        </Field>
        <p className="muted">时期内每天自动生成日调度报告；修改日期不影响已生成的日调度。</p>
      </div>
    </Modal>
  );
}
