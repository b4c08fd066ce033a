'use client';

import { useMemo, useState } from 'react';
import { Alert, Button, Drawer, Form, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { RecordMeta } from '@beatlink/shared';
import { ApiError, describeError, isVersionConflict, VERSION_CONFLICT_MESSAGE } from '../../lib/api-error';
import { detailsToFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { activeFields, buildBody, fieldNamePaths, formValuesOf, isRequired, isShownField, validateBody } from '../../resources/body';
import type { FieldSpec, FormMode, FormValues, ResourceDef, SelectOption } from '../../resources/model';
import { RESOURCE_FORMS } from '../../resources/forms';
import { FieldInput } from './FieldInput';
import { useDirectory } from './directory';
import { useMessage } from './feedback';
import { useSession } from './session';

export interface ResourceFormProps {
  def: ResourceDef<RecordMeta>;
  mode: FormMode;
  /** The record being edited, or preset values of a new one (its parent). */
  initial?: FormValues;
  parentId?: string;
  onClose(): void;
  onSaved(result: FormValues): void;
  /** Someone else changed the record: the caller reloads. */
  onConflict(): void;
}

function applyErrors(form: FormInstance, shown: readonly FieldSpec[], errors: FieldErrors): void {
  form.setFields([
    ...shown.flatMap(fieldNamePaths).map((name) => ({ name, errors: [] as string[] })),
    ...errors.fields,
  ]);
}

/** Options of a select, narrowed by its parent field's current value. */
function optionsFor(field: FieldSpec, values: FormValues, fromDirectory: (source: NonNullable<FieldSpec['source']>) => readonly SelectOption[]): readonly SelectOption[] {
  const all = field.options ?? (field.source ? fromDirectory(field.source) : []);
  const parent = field.narrowBy ? values[field.narrowBy.field] : undefined;
  if (!field.narrowBy || !parent) return all;
  const key = field.narrowBy.key;
  return all.filter((option) => option[key] === parent);
}

/**
 * The one create/edit form of every resource: fields from the resource definition, validated
 * with the resource's own zod schema, the API's field errors shown on the fields.
 */
export function ResourceForm({ def, mode, initial, parentId, onClose, onSaved, onConflict }: ResourceFormProps) {
  const { api } = useSession();
  const directory = useDirectory();
  const message = useMessage();
  const spec = RESOURCE_FORMS[def.key];
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const startValues = useMemo(() => formValuesOf(spec, initial), [spec, initial]);
  const watched = (Form.useWatch([], { form, preserve: true }) ?? {}) as FormValues;
  const values = { ...initial, ...startValues, ...watched };
  const shown = activeFields(spec, mode, values);

  const onValuesChange = (changed: FormValues) => {
    for (const field of spec.fields) {
      if (!field.narrowBy) continue;
      const { field: parentName, key } = field.narrowBy;
      const current = form.getFieldValue(field.name) as unknown;
      // A new parent clears a child that is not under it …
      if (parentName in changed && current) {
        const stillValid = optionsFor(field, { ...values, ...changed }, directory.options).some((o) => o.value === current);
        if (!stillValid) form.setFieldValue(field.name, undefined);
      }
      // … and choosing a child fills in its parent.
      if (field.name in changed && changed[field.name]) {
        const option = optionsFor(field, {}, directory.options).find((o) => o.value === changed[field.name]);
        if (option?.[key] && form.getFieldValue(parentName) !== option[key]) form.setFieldValue(parentName, option[key]);
      }
    }
  };

  const submit = async () => {
    const raw = form.getFieldsValue(true) as FormValues;
    const body = buildBody(spec, mode, raw, mode === 'edit' ? initial : undefined);
    setGeneral([]);
    const invalid = validateBody(spec, mode, body, shown);
    applyErrors(form, shown, invalid ?? { fields: [], general: [] });
    if (invalid) {
      setGeneral(invalid.general);
      return;
    }
    if (mode === 'edit' && Object.keys(body).length === 1) {
      message.info('没有需要保存的修改');
      onClose();
      return;
    }
    setSaving(true);
    try {
      const result =
        mode === 'create'
          ? await api.post<FormValues>(def.collectionPath(parentId), body)
          : await api.put<FormValues>(def.itemPath(String(initial?.id)), body);
      message.success(mode === 'create' ? `已新增${def.label}` : '已保存');
      onSaved(result);
    } catch (error) {
      if (isVersionConflict(error)) {
        message.error(VERSION_CONFLICT_MESSAGE);
        onConflict();
        return;
      }
      if (error instanceof ApiError && error.details.length) {
        const mapped = detailsToFieldErrors(error.details, isShownField(shown));
        applyErrors(form, shown, mapped);
        setGeneral(mapped.general);
        if (!mapped.fields.length) message.error(describeError(error));
        return;
      }
      message.error(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      size={520}
      title={`${mode === 'create' ? '新增' : '编辑'}${def.label}`}
      onClose={onClose}
      destroyOnHidden
      data-testid="resource-form"
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="resource-form-submit">
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} name={`${def.key}-form`} layout="vertical" initialValues={startValues} onValuesChange={onValuesChange} onFinish={() => void submit()}>
        {general.length > 0 && <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} data-testid="resource-form-error" />}
        {shown.map((field) => (
          <FieldInput key={field.name} field={field} required={isRequired(spec, mode, field, values)} options={optionsFor(field, values, directory.options)} />
        ))}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Drawer>
  );
}
