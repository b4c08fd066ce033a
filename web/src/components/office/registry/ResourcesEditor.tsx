'use client';

import { useMemo, useState } from 'react';
import { Alert, Button, Drawer, Form, Input, InputNumber, Space } from 'antd';
import type { VillageResources } from '@beatlink/shared/registry/households';
import { ApiError, describeError } from '../../../lib/api-error';
import type { FieldErrors } from '../../../lib/form-errors';
import { FUNDER_KEYS, FUNDER_TEXT } from '../../../lib/registry/labels';
import {
  DEVICE_KEYS,
  DEVICE_TEXT,
  newPatrolTeam,
  RESOURCES_CONFLICT_MESSAGE,
  RESOURCES_LIMITS,
  resourcesBody,
  resourcesErrorFields,
  resourcesFormValues,
  type ResourcesFormValues,
} from '../../../lib/registry/resources-form';
import { useMessage } from '../feedback';
import { useSession } from '../session';

export interface ResourcesEditorProps {
  villageId: string;
  /** The record as the tab read it (version 0: none recorded yet, saving creates it). */
  resources: VillageResources;
  onClose(): void;
  onSaved(saved: VillageResources): void;
  /** Changed by someone else since it was read (409): the tab reloads. */
  onConflict(): void;
}

/** Edits a village's 群防群治 / 物防 (PUT /villages/{id}/resources, versioned). */
export default function ResourcesEditor({ villageId, resources, onClose, onSaved, onConflict }: ResourcesEditorProps) {
  const { api } = useSession();
  const message = useMessage();
  const [form] = Form.useForm<ResourcesFormValues>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const initialValues = useMemo(() => resourcesFormValues(resources), [resources]);

  /** Clears the errors shown before, then shows these. */
  const showErrors = (errors: FieldErrors) => {
    const stale = form
      .getFieldsError()
      .filter((f) => f.errors.length > 0)
      .map((f) => ({ name: f.name, errors: [] as string[] }));
    form.setFields([...stale, ...errors.fields] as Parameters<typeof form.setFields>[0]);
    setGeneral(errors.general);
  };

  const submit = async () => {
    const values = form.getFieldsValue(true) as ResourcesFormValues;
    const result = resourcesBody(values, resources.version);
    if ('errors' in result) {
      showErrors(result.errors);
      return;
    }
    showErrors({ fields: [], general: [] });
    setSaving(true);
    try {
      const saved = await api.put<VillageResources>(`/villages/${encodeURIComponent(villageId)}/resources`, result.body);
      message.success('群防群治 / 物防已保存');
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        message.error(RESOURCES_CONFLICT_MESSAGE);
        onConflict();
        return;
      }
      if (error instanceof ApiError && error.status === 400 && error.details.length) {
        const mapped = resourcesErrorFields(error.details);
        showErrors(mapped.general.length || mapped.fields.length ? mapped : { fields: [], general: [describeError(error)] });
        return;
      }
      setGeneral([describeError(error)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      size={720}
      title={resources.version > 0 ? '编辑群防群治 / 物防' : '登记群防群治 / 物防'}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      extra={
        <Space>
          <Button autoInsertSpace={false} onClick={onClose}>
            取消
          </Button>
          <Button autoInsertSpace={false} type="primary" loading={saving} onClick={() => void submit()} data-testid="resources-submit">
            保存
          </Button>
        </Space>
      }
    >
      <div data-testid="resources-editor">
        {general.length > 0 && <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} data-testid="resources-error" />}
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()}>
          <h3 className="registry-subtitle">义务巡逻队</h3>
          <Form.List name="patrolTeams">
            {(fields, { add, remove }, { errors }) => (
              <div data-testid="resources-teams">
                {fields.map((field) => (
                  <Space key={field.key} wrap align="start" style={{ display: 'flex' }} data-testid="resources-team">
                    <Form.Item name={[field.name, 'name']} required>
                      <Input placeholder="巡逻队名称" maxLength={RESOURCES_LIMITS.teamName} style={{ width: 220 }} data-testid="resources-team-name" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'leader']} required>
                      <Input placeholder="队长" maxLength={RESOURCES_LIMITS.leader} style={{ width: 120 }} data-testid="resources-team-leader" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'members']} required>
                      <InputNumber
                        min={RESOURCES_LIMITS.teamMembersMin}
                        max={RESOURCES_LIMITS.teamMembersMax}
                        precision={0}
                        placeholder="队员人数"
                        suffix="人"
                        style={{ width: 120 }}
                        data-testid="resources-team-members"
                      />
                    </Form.Item>
                    <Button type="link" danger onClick={() => remove(field.name)} data-testid="resources-team-remove">
                      删除
                    </Button>
                  </Space>
                ))}
                <Form.ErrorList errors={errors} />
                <Button onClick={() => add(newPatrolTeam())} disabled={fields.length >= RESOURCES_LIMITS.teams} data-testid="resources-team-add">
                  添加巡逻队
                </Button>
              </div>
            )}
          </Form.List>

          <h3 className="registry-subtitle">治安积极分子</h3>
          <Form.Item name="activists" required>
            <InputNumber min={0} max={RESOURCES_LIMITS.countMax} precision={0} suffix="人" style={{ width: 160 }} data-testid="resources-activists" />
          </Form.Item>

          <h3 className="registry-subtitle">物防设施（按出资方）</h3>
          <table className="resources-editor-grid" data-testid="resources-devices">
            <thead>
              <tr>
                <th>设施</th>
                {FUNDER_KEYS.map((funder) => (
                  <th key={funder}>{FUNDER_TEXT[funder]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {DEVICE_KEYS.map((device) => (
                <tr key={device}>
                  <th scope="row">{DEVICE_TEXT[device]}</th>
                  {FUNDER_KEYS.map((funder) => (
                    <td key={funder}>
                      <Form.Item name={[device, funder]} required>
                        <InputNumber
                          min={0}
                          max={RESOURCES_LIMITS.countMax}
                          precision={0}
                          aria-label={`${DEVICE_TEXT[device]}（${FUNDER_TEXT[funder]}）`}
                          style={{ width: '100%' }}
                          data-testid={`resources-${device}-${funder}`}
                        />
                      </Form.Item>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>

          <Form.Item label="备注（可选）" name="note">
            <Input.TextArea rows={3} maxLength={RESOURCES_LIMITS.note} showCount data-testid="resources-note" />
          </Form.Item>
          <button type="submit" hidden aria-hidden />
        </Form>
      </div>
    </Drawer>
  );
}
