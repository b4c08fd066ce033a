'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button, Input, Select } from 'antd';
import type { Report, ReportType } from '@beatlink/shared/analysis/reports';
import { zonedDate } from '@beatlink/shared/time-zone';
import { describeError } from '../../../lib/api-error';
import { REPORT_TYPE_OPTIONS, defaultGenerateDraft, generateProblem, reportHref, type GenerateDraft } from '../../../lib/analysis/reports';
import { addDays, addIsoWeeks, currentIsoWeek } from '../../../lib/duty/weeks';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { useMatterSettings } from '../matters/settings';

/**
 * 生成报告 (analysis.manage): the weekly analysis of a finished week or the daily dispatch of a
 * day, now (the jobs make them on schedule; the API answers the stored one for a period done).
 */
export function GenerateReport() {
  const { api } = useSession();
  const message = useMessage();
  const router = useRouter();
  const { timeZone } = useMatterSettings();
  const [now] = useState(() => Date.now());
  const thisWeek = currentIsoWeek(now, timeZone);
  const today = zonedDate(now, timeZone);
  const [draft, setDraft] = useState<GenerateDraft>(() => defaultGenerateDraft('weekly', thisWeek, today));
  const [sending, setSending] = useState(false);
  const problem = generateProblem(draft, thisWeek, today);

  const setType = (type: ReportType) => setDraft(defaultGenerateDraft(type, thisWeek, today));

  const generate = async () => {
    if (problem) return;
    setSending(true);
    try {
      const report = await api.post<Report>('/analysis/reports', draft);
      message.success('报告已生成');
      router.push(reportHref(report.id));
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <span className="report-generate" data-testid="report-generate">
      <Select<ReportType> style={{ width: 120 }} aria-label="报告类型" options={REPORT_TYPE_OPTIONS} value={draft.type} onChange={setType} data-testid="report-generate-type" />
      {draft.type === 'weekly' ? (
        <Input
          type="week"
          style={{ width: 170 }}
          aria-label="周次"
          max={addIsoWeeks(thisWeek, -1)}
          value={draft.week}
          onChange={(e) => setDraft({ type: 'weekly', week: e.target.value })}
          status={problem ? 'error' : undefined}
          data-testid="report-generate-week"
        />
      ) : (
        <Input
          type="date"
          style={{ width: 160 }}
          aria-label="日期"
          title="日调度只能生成敏感时期内、已结束的日期"
          max={addDays(today, -1)}
          value={draft.date}
          onChange={(e) => setDraft({ type: 'daily', date: e.target.value })}
          status={problem ? 'error' : undefined}
          data-testid="report-generate-date"
        />
      )}
      <Button type="primary" onClick={() => void generate()} loading={sending} disabled={!!problem} title={problem} data-testid="report-generate-submit">
        生成报告
      </Button>
    </span>
  );
}
