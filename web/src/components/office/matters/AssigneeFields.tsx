'use client';

import { useEffect, useMemo, useState } from 'react';
import { Form, Input, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { Agency } from '@beatlink/shared/directory/agencies';
import type { Officer } from '@beatlink/shared/directory/officers';
import { AGENCY_KIND_LABELS } from '@beatlink/shared/directory/labels';
import { SEVERITY_LABELS, type Severity } from '@beatlink/shared/matters/kinds';
import type { HolderType } from '@beatlink/shared/matters/views';
import { listAll } from '../../../lib/list-all';
import { HOLDER_TYPE_LABELS } from '../../../lib/matters/labels';
import { policeUnitOptions, postedOfficer, type PlaceOption } from '../../../lib/matters/places';
import { slaPreview, toZonedInput } from '../../../lib/matters/sla';
import { useDirectory } from '../directory';
import { useSession } from '../session';
import { useMatterSettings } from './settings';

const POLICE_TYPES = ['station', 'office', 'workstation', 'department'] as const;
const TARGET_OPTIONS = [...POLICE_TYPES, 'agency' as const].map((type) => ({ value: type, label: type === 'agency' ? '综治成员单位' : `公安 · ${HOLDER_TYPE_LABELS[type]}` }));

/** Select search by the option's `search` text (unit names above the unit), else its label. */
export const withSearch = { filterOption: (input: string, option?: { search?: string; label?: unknown }) => !!(option?.search ?? String(option?.label ?? '')).includes(input.trim()) };

/**
 * 交办 / 改派 fields: unit type, the unit (org tree) or agency, an optional officer, the deadlines
 * (prefilled from the SLA table of the category and severity). The form holds `targetType`,
 * `unitId`, `agencyId`, `officerId`, `acceptByLocal` and `feedbackByLocal` (county wall time); the
 * matter dialogs and the report's 转为交办 share it.
 */
export function AssigneeFields({ form, categoryId, severity }: { form: FormInstance; categoryId: string | undefined; severity: Severity | undefined }) {
  const { api } = useSession();
  const directory = useDirectory();
  const settings = useMatterSettings();
  const targetType = Form.useWatch('targetType', form) as HolderType | undefined;
  const unitId = Form.useWatch('unitId', form) as string | undefined;
  const [agencies, setAgencies] = useState<Agency[]>();
  const [officers, setOfficers] = useState<Officer[]>([]);

  useEffect(() => {
    let cancelled = false;
    listAll<Agency>((cursor) => api.get('/directory/agencies', { limit: 200, status: 'active', cursor }))
      .then((list) => !cancelled && setAgencies(list))
      .catch(() => !cancelled && setAgencies([]));
    return () => {
      cancelled = true;
    };
  }, [api]);

  // Officers of the chosen unit, for an optional named assignee.
  useEffect(() => {
    let cancelled = false;
    setOfficers([]);
    if (!targetType || targetType === 'agency' || !unitId) return;
    if (targetType === 'office' || targetType === 'workstation') {
      const posted = postedOfficer(directory.tree, targetType, unitId);
      setOfficers(posted ? [{ id: posted.id, name: posted.name } as Officer] : []);
      return;
    }
    const filter = targetType === 'station' ? { stationId: unitId } : { departmentId: unitId };
    listAll<Officer>((cursor) => api.get('/directory/officers', { ...filter, limit: 200, status: 'active', cursor }))
      .then((list) => !cancelled && setOfficers(list.filter((o) => o.role !== 'auxiliary')))
      .catch(() => !cancelled && setOfficers([]));
    return () => {
      cancelled = true;
    };
  }, [api, directory.tree, targetType, unitId]);

  const unitOptions: PlaceOption[] = useMemo(() => {
    if (!targetType || targetType === 'agency') return [];
    if (targetType === 'department') return directory.departments.filter((d) => d.status === 'active').map((d) => ({ value: d.id, label: d.name, search: d.name }));
    return policeUnitOptions(directory.tree, targetType);
  }, [targetType, directory.tree, directory.departments]);

  const agencyOptions = useMemo(
    () => (agencies ?? []).map((a) => ({ value: a.id, label: `${a.name}（${AGENCY_KIND_LABELS[a.kind]?.zh ?? a.kind}）`, search: `${a.name} ${AGENCY_KIND_LABELS[a.kind]?.zh ?? ''}` })),
    [agencies],
  );

  const category = categoryId ? settings.categoryName(categoryId) : '';
  const preview = useMemo(
    () => (categoryId && severity ? slaPreview(settings.config?.sla, categoryId, severity, new Date().toISOString()) : undefined),
    [settings.config, categoryId, severity],
  );

  // The deadlines start as the SLA table's, once the configuration is there.
  useEffect(() => {
    if (!preview) return;
    if (!form.getFieldValue('acceptByLocal')) form.setFieldValue('acceptByLocal', toZonedInput(preview.acceptBy, settings.timeZone));
    if (!form.getFieldValue('feedbackByLocal')) form.setFieldValue('feedbackByLocal', toZonedInput(preview.feedbackBy, settings.timeZone));
  }, [preview, form, settings.timeZone]);

  return (
    <>
      <Form.Item label="承办单位类型" name="targetType" required>
        <Select
          options={TARGET_OPTIONS}
          data-testid="assign-target-type"
          onChange={() => form.setFieldsValue({ unitId: undefined, agencyId: undefined, officerId: undefined })}
        />
      </Form.Item>
      {targetType === 'agency' ? (
        <Form.Item label="成员单位" name="agencyId" required>
          <Select showSearch={withSearch} options={agencyOptions} loading={!agencies} placeholder="选择成员单位" data-testid="assign-agency-select" />
        </Form.Item>
      ) : targetType ? (
        <>
          <Form.Item label={HOLDER_TYPE_LABELS[targetType]} name="unitId" required>
            <Select
              showSearch={withSearch}
              options={unitOptions}
              placeholder={`选择${HOLDER_TYPE_LABELS[targetType]}`}
              data-testid="assign-unit-select"
              onChange={() => form.setFieldValue('officerId', undefined)}
            />
          </Form.Item>
          <Form.Item label="承办民警（可选）" name="officerId">
            <Select
              allowClear
              options={officers.map((o) => ({ value: o.id, label: o.policeNumber ? `${o.name}（${o.policeNumber}）` : o.name }))}
              placeholder={unitId ? (officers.length ? '不指定则由单位承办' : '该单位暂无可选民警') : '先选择单位'}
              disabled={!unitId}
              data-testid="assign-officer-select"
            />
          </Form.Item>
        </>
      ) : null}
      <p className="muted" data-testid="assign-sla">
        {preview && severity
          ? `按“${category} · ${SEVERITY_LABELS[severity].zh}”的办理时限：签收 ${preview.acceptHours} 小时，反馈 ${preview.feedbackHours} 小时（自交办时起算，可调整）`
          : '办理时限按本县配置的分类时限自动计算'}
      </p>
      <Space wrap size="large">
        <Form.Item label="签收时限" name="acceptByLocal">
          <Input type="datetime-local" data-testid="assign-accept-by" />
        </Form.Item>
        <Form.Item label="反馈时限" name="feedbackByLocal">
          <Input type="datetime-local" data-testid="assign-feedback-by" />
        </Form.Item>
      </Space>
    </>
  );
}
