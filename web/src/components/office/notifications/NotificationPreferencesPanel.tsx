'use client';

import { useCallback, useEffect, useState } from 'react';
import { Button, Checkbox, Switch } from 'antd';
import type { CategoryChoices, NotificationPreferences } from '@beatlink/shared/notifications/notifications';
import { ApiError, describeError } from '../../../lib/api-error';
import { PREFERENCE_CHANNELS, PREFERENCE_ROWS, preferencesBody, withChoice } from '../../../lib/notifications/notifications';
import { Notice } from '../Notice';
import { useMessage } from '../feedback';
import { useSession } from '../session';

/** 提醒方式: per category, e-mail and SMS beside in-app (always on); saved with the version read. */
export function NotificationPreferencesPanel() {
  const { api } = useSession();
  const message = useMessage();
  const [preferences, setPreferences] = useState<NotificationPreferences>();
  const [choices, setChoices] = useState<CategoryChoices>();
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    setError(undefined);
    setConflict(false);
    try {
      const next = await api.get<NotificationPreferences>('/notifications/preferences');
      setPreferences(next);
      setChoices(next.categories);
    } catch (err) {
      setError(describeError(err));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    if (!preferences || !choices) return;
    setSaving(true);
    try {
      const saved = await api.put<NotificationPreferences>('/notifications/preferences', preferencesBody(preferences, choices));
      setPreferences(saved);
      setChoices(saved.categories);
      message.success('提醒方式已保存');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(true);
      else message.error(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  if (error) return <Notice kind="error" title="无法加载提醒方式" action={<Button onClick={() => void load()}>重试</Button>}>{error}</Notice>;
  if (!preferences || !choices) return <p className="muted">正在加载…</p>;
  const changed = JSON.stringify(choices) !== JSON.stringify(preferences.categories);
  return (
    <div data-testid="notification-preferences">
      {conflict && (
        <Notice kind="warning" title="提醒方式已在别处修改" action={<Button onClick={() => void load()}>重新加载</Button>}>
          请重新加载后再保存。
        </Notice>
      )}
      <p className="muted">站内通知始终开启；可为每类通知另选邮件、短信提醒（本县未开通的通道不会发送）。</p>
      <table className="ntf-prefs">
        <thead>
          <tr>
            <th scope="col">通知类别</th>
            <th scope="col">站内</th>
            {PREFERENCE_CHANNELS.map((c) => (
              <th key={c.channel} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PREFERENCE_ROWS.map((row) => (
            <tr key={row.category} data-testid={`preference-${row.category}`}>
              <td>{row.label}</td>
              <td>
                <Checkbox checked disabled aria-label={`${row.label} 站内通知（始终开启）`} />
              </td>
              {PREFERENCE_CHANNELS.map((c) => (
                <td key={c.channel}>
                  <Switch
                    size="small"
                    checked={choices[row.category][c.channel]}
                    onChange={(on) => setChoices((current) => current && withChoice(current, row.category, c.channel, on))}
                    aria-label={`${row.label} ${c.label}`}
                    data-testid={`preference-${row.category}-${c.channel}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <Button type="primary" onClick={() => void save()} loading={saving} disabled={!changed || conflict} data-testid="preferences-save">
          保存
        </Button>
        {preferences.version === 0 && <span className="muted"> 当前为默认设置</span>}
      </p>
    </div>
  );
}
