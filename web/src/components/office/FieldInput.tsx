'use client';

import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { FieldSpec, SelectOption } from '../../resources/model';

/** One form field of a resource, rendered by its kind; `data-testid="field-<name>"` for tests. */
export function FieldInput({ field, required, options }: { field: FieldSpec; required: boolean; options: readonly SelectOption[] }) {
  const testId = `field-${field.name}`;
  switch (field.input) {
    case 'geo':
      return (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name={[field.name, 'lat']} label="纬度" required={required}>
              <InputNumber style={{ width: '100%' }} min={-90} max={90} step={0.000001} data-testid={`${testId}-lat`} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={[field.name, 'lng']} label="经度" required={required}>
              <InputNumber style={{ width: '100%' }} min={-180} max={180} step={0.000001} data-testid={`${testId}-lng`} />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'number':
      return (
        <Form.Item name={field.name} label={field.label} required={required}>
          <InputNumber style={{ width: '100%' }} min={field.min} max={field.max} precision={0} placeholder={field.placeholder} data-testid={testId} />
        </Form.Item>
      );
    case 'select':
      return (
        <Form.Item name={field.name} label={field.label} required={required}>
          <Select
            data-testid={testId}
            options={options as SelectOption[]}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={field.placeholder ?? `请选择${field.label}`}
          />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item name={field.name} label={field.label} required={required}>
          <Input.TextArea rows={3} placeholder={field.placeholder} data-testid={testId} />
        </Form.Item>
      );
    default:
      return (
        <Form.Item name={field.name} label={field.label} required={required}>
          <Input placeholder={field.placeholder} data-testid={testId} autoComplete="off" />
        </Form.Item>
      );
  }
}
