'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Action, Me } from '@beatlink/shared';
import type { ApiClient } from '../../lib/api-client';
import { describeError } from '../../lib/api-error';
import { currentIdToken, getApiClient, redirectToLogin, signOutEverywhere } from '../../lib/auth';
import { allowed } from '../../lib/nav';

export interface Session {
  me: Me;
  api: ApiClient;
  /** Whether the permission matrix grants one of the user's roles the action. */
  can(action: Action): boolean;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionGate>');
  return session;
}

type GateState = { kind: 'loading' } | { kind: 'ready'; session: Session } | { kind: 'failed'; message: string };

/** Loads who the user is (GET /me); sends him to /login when there is no session. */
export function SessionGate({ loading, failed, children }: { loading: ReactNode; failed: (message: string, retry: () => void) => ReactNode; children: ReactNode }) {
  const [state, setState] = useState<GateState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const token = await currentIdToken();
      if (!token) {
        redirectToLogin();
        return;
      }
      const api = await getApiClient();
      const me = await api.get<Me>('/me');
      if (cancelled) return;
      const session: Session = {
        me,
        api,
        can: (action) => allowed(me.roles, action),
        signOut: async () => {
          await signOutEverywhere();
          window.location.assign('/login');
        },
      };
      setState({ kind: 'ready', session });
    })().catch((error: unknown) => {
      if (!cancelled) setState({ kind: 'failed', message: describeError(error) });
    });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => (state.kind === 'ready' ? state.session : undefined), [state]);
  if (state.kind === 'loading') return <>{loading}</>;
  if (state.kind === 'failed') return <>{failed(state.message, retry)}</>;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
