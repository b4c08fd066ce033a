'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Page } from '@beatlink/shared/fields';
import type { QueryValue } from '../../../lib/api-client';
import { describeError } from '../../../lib/api-error';
import { useSession } from '../session';

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  error?: string;
  /** More pages are there ("加载更多"). */
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
}

/**
 * A cursor-paged list (households, information records): the first page on every change of the
 * query, the next one on demand. `enabled` false keeps it empty (a required filter not chosen).
 */
export function usePagedList<T extends { id: string }>(path: string, query: Record<string, QueryValue>, enabled = true, pageSize = 50): PagedList<T> {
  const { api } = useSession();
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const queryKey = JSON.stringify(query);

  const fetchPage = useCallback(
    async (after: string | undefined, signal: { cancelled: boolean }) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await api.get<Page<T>>(path, { ...(JSON.parse(queryKey) as Record<string, QueryValue>), limit: pageSize, cursor: after });
        if (signal.cancelled) return;
        setItems((shown) => {
          if (!after) return page.items;
          const seen = new Set(shown.map((item) => item.id));
          return [...shown, ...page.items.filter((item) => !seen.has(item.id))];
        });
        setCursor(page.nextCursor);
      } catch (err) {
        if (!signal.cancelled) setError(describeError(err));
      } finally {
        if (!signal.cancelled) setLoading(false);
      }
    },
    [api, path, queryKey, pageSize],
  );

  useEffect(() => {
    const signal = { cancelled: false };
    setItems([]);
    setCursor(undefined);
    if (enabled) void fetchPage(undefined, signal);
    return () => {
      signal.cancelled = true;
    };
  }, [fetchPage, enabled, attempt]);

  return {
    items,
    loading,
    error,
    hasMore: !!cursor,
    loadMore: () => {
      if (cursor) void fetchPage(cursor, { cancelled: false });
    },
    reload: () => setAttempt((n) => n + 1),
  };
}
