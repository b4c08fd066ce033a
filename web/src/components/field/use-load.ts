'use client';

import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { describeError } from '../../lib/api-error';

/** What a phone page loaded: still loading, failed (with the message to show), or its data. */
export type Loaded<T> = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; data: T };

/**
 * Loads a page's data when `deps` change, ignoring an answer that arrives after the page moved on.
 * `retry` shows the spinner again (after a failure), `reload` fetches again keeping what is shown,
 * `update` changes the shown data in place (e.g. the visit just checked in).
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    load()
      .then((data) => !cancelled && setState({ kind: 'ready', data }))
      .catch((error: unknown) => !cancelled && setState({ kind: 'failed', message: describeError(error) }));
    return () => {
      cancelled = true;
    };
    // `load` is a fresh closure each render; `deps` say when it loads something else.
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const update = useCallback((change: (data: T) => T) => setState((s) => (s.kind === 'ready' ? { kind: 'ready', data: change(s.data) } : s)), []);
  return { state, reload, retry, update };
}
