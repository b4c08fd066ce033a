'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TenantConfigRecord } from '@beatlink/shared/platform/config';
import type { MatterCategory, MatterConfig } from '@beatlink/shared/matters/config';
import type { ApiClient } from '../../../lib/api-client';
import { describeError } from '../../../lib/api-error';
import { useSession } from '../session';

/**
 * The county's configuration as the matters pages need it (category names, SLA table, time zone),
 * read once per page load (GET /config) and shared by every component that asks. Users without
 * `config.read` (agency staff) get none: names fall back to ids, the zone to Asia/Shanghai.
 */
export interface MatterSettings {
  record?: TenantConfigRecord;
  config?: MatterConfig;
  timeZone: string;
  loading: boolean;
  error?: string;
  categoryName(id: string): string;
  /** Categories offered for new choices (inactive ones stay for old matters only). */
  activeCategories: MatterCategory[];
  reload(): void;
}

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const cache = new WeakMap<ApiClient, Promise<TenantConfigRecord>>();

function loadConfig(api: ApiClient, fresh = false): Promise<TenantConfigRecord> {
  let pending = fresh ? undefined : cache.get(api);
  if (!pending) {
    pending = api.get<TenantConfigRecord>('/config');
    pending.catch(() => cache.delete(api));
    cache.set(api, pending);
  }
  return pending;
}

/** After the rules were saved: the next reader fetches them again. */
export function rememberMatterSettings(api: ApiClient, record: TenantConfigRecord): void {
  cache.set(api, Promise.resolve(record));
}

export function useMatterSettings(): MatterSettings {
  const { api, can } = useSession();
  const readable = can('config.read');
  const [record, setRecord] = useState<TenantConfigRecord>();
  const [loading, setLoading] = useState(readable);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!readable) return;
    let cancelled = false;
    setLoading(true);
    loadConfig(api, attempt > 0)
      .then((next) => {
        if (!cancelled) {
          setRecord(next);
          setError(undefined);
        }
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(describeError(err));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [api, readable, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return useMemo(() => {
    const config = record?.matters;
    const names = new Map((config?.categories ?? []).map((c) => [c.id, c.name]));
    return {
      record,
      config,
      timeZone: record?.timeZone ?? DEFAULT_TIME_ZONE,
      loading,
      error,
      categoryName: (id: string) => names.get(id) ?? id,
      activeCategories: (config?.categories ?? []).filter((c) => c.active),
      reload,
    };
  }, [record, loading, error, reload]);
}
