'use client';

import { Button, Input, Tag } from 'antd';
import type { AbsenceStatus } from '@beatlink/shared/duty/absence-rules';
import type { MakeUpState } from '@beatlink/shared/duty/compliance';
import type { ComplianceStatus, MakeUpStatus } from '@beatlink/shared/duty/labels';
import { makeUpPercent, makeUpProgressText } from '../../../lib/duty/compliance';
import {
  ABSENCE_STATUS_COLORS,
  absenceStatusLabel,
  complianceLabel,
  COMPLIANCE_STATUS_COLORS,
  MAKE_UP_STATUS_COLORS,
  makeUpStatusLabel,
} from '../../../lib/duty/labels';
import { addIsoWeeks, isIsoWeek, weekRangeText } from '../../../lib/duty/weeks';

export function ComplianceTag({ status, testId }: { status: ComplianceStatus; testId?: string }) {
  return (
    <Tag color={COMPLIANCE_STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {complianceLabel(status)}
    </Tag>
  );
}

export function AbsenceStatusTag({ status }: { status: AbsenceStatus }) {
  return (
    <Tag color={ABSENCE_STATUS_COLORS[status]} data-status={status}>
      {absenceStatusLabel(status)}
    </Tag>
  );
}

export function MakeUpStatusTag({ status }: { status: MakeUpStatus }) {
  return (
    <Tag color={MAKE_UP_STATUS_COLORS[status]} data-status={status}>
      {makeUpStatusLabel(status)}
    </Tag>
  );
}

/** 已补 x / y 小时 · 状态 · 截止, with a thin bar. */
export function MakeUpProgress({ makeUp, testId }: { makeUp: MakeUpState; testId?: string }) {
  const percent = makeUpPercent(makeUp);
  return (
    <div data-testid={testId} data-status={makeUp.status}>
      <span className="duty-small">{makeUpProgressText(makeUp)}</span>
      <span className={`duty-bar duty-bar-${makeUp.status}`} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="补课进度">
        <span style={{ width: `${percent}%` }} />
      </span>
    </div>
  );
}

export interface WeekPickerProps {
  week: string | undefined;
  onChange(week: string | undefined): void;
  /** The last week that may be chosen (the current week: later ones have no duty yet). */
  max?: string;
  /** Offer "all weeks" (the absences list). */
  allowClear?: boolean;
  /** Where previous / next start from while no week is chosen (the current week). */
  from?: string;
  label?: string;
}

/**
 * An ISO week: the browser's week input (`2026-W20`, the API's own format), previous / next, and
 * the Monday–Sunday dates. antd's week DatePicker would add dayjs and rc-picker to the first load.
 */
export function WeekPicker({ week, onChange, max, allowClear, from, label = '周次' }: WeekPickerProps) {
  const base = week ?? from;
  const atMax = !!week && !!max && week >= max;
  // With no week chosen, previous / next go to the weeks around `from` (next: `from` itself).
  const step = (n: number) => base && onChange(week ? addIsoWeeks(base, n) : n < 0 ? addIsoWeeks(base, -1) : base);
  return (
    <span className="duty-week" data-testid="week-picker">
      <Button aria-label="上一周" disabled={!base} onClick={() => step(-1)}>
        ‹ 上一周
      </Button>
      <Input
        type="week"
        aria-label={label}
        value={week ?? ''}
        max={max}
        onChange={(event) => {
          const value = event.target.value;
          if (!value && allowClear) onChange(undefined);
          else if (isIsoWeek(value) && (!max || value <= max)) onChange(value);
        }}
        data-testid="week-input"
      />
      <Button aria-label="下一周" disabled={!base || atMax} onClick={() => step(1)}>
        下一周 ›
      </Button>
      {allowClear && week && (
        <Button type="link" onClick={() => onChange(undefined)}>
          全部周次
        </Button>
      )}
      <span className="muted" data-testid="week-range">
        {week ? `${week} · ${weekRangeText(week)}` : '全部周次'}
      </span>
    </span>
  );
}
