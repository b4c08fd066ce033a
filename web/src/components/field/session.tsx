'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Me, TenantConfigRecord } from '@beatlink/shared';
import type { Action } from '@beatlink/shared/permissions';
import type { ApiClient } from '../../lib/api-client';
import { ApiError, describeError } from '../../lib/api-error';
import { currentIdToken, getApiClient, redirectToLogin } from '../../lib/auth';
import { decodeJwt } from '../../lib/jwt';

/**
 * The session of a phone page: the API client and who is signed in (GET /me), loaded once per
 * page load; no session → /login.
 */
export interface FieldSession {
  api: ApiClient;
  me: Me;
}

let sessionPromise: Promise<FieldSession | undefined> | undefined;

/**
 * The last `/me` of the signed-in user, so a phone page opened without signal (served by the
 * service worker) still knows who he is and can queue his visit; only for the same user.
 */
const ME_CACHE_KEY = 'beatlink.field.me';

function rememberMe(me: Me): void {
  try {
    localStorage.setItem(ME_CACHE_KEY, JSON.stringify(me));
  } catch {
    // No storage: the page then needs the network, as before.
  }
}

function rememberedMe(token: string): Me | undefined {
  try {
    const me = JSON.parse(localStorage.getItem(ME_CACHE_KEY) ?? 'null') as Me | null;
    return me && me.username === decodeJwt(token).payload['cognito:username'] ? me : undefined;
  } catch {
    return undefined;
  }
}

function loadSession(): Promise<FieldSession | undefined> {
  sessionPromise ??= (async () => {
    const token = await currentIdToken();
    if (!token) {
      redirectToLogin();
      return undefined;
    }
    const api = await getApiClient();
    try {
      const me = await api.get<Me>('/me');
      rememberMe(me);
      return { api, me };
    } catch (error) {
      // Without network (status 0) the remembered user will do; any answer of the API wins.
      const remembered = error instanceof ApiError && error.status === 0 ? rememberedMe(token) : undefined;
      if (remembered) return { api, me: remembered };
      throw error;
    }
  })().catch((error: unknown) => {
    sessionPromise = undefined;
    throw error;
  });
  return sessionPromise;
}

export type SessionState = { kind: 'loading' } | { kind: 'ready'; session: FieldSession } | { kind: 'failed'; message: string; retry: () => void };

export function useFieldSession(): SessionState {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  useEffect(() => {
    let cancelled = false;
    loadSession()
      .then((session) => {
        if (!cancelled && session) setState({ kind: 'ready', session });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: 'failed', message: describeError(error), retry });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt, retry]);
  return state;
}

/** Whether the permission matrix grants the signed-in user the action (as GET /me reports it). */
export function may(me: Me, action: Action): boolean {
  return me.permissions?.[action] !== undefined;
}

let configPromise: Promise<TenantConfigRecord | undefined> | undefined;

/** The configuration is kept for the tab's session a few minutes: each field page is a full load. */
const CONFIG_CACHE_KEY = 'beatlink.field.config';
const CONFIG_CACHE_MS = 10 * 60_000;

function cachedConfig(tenantId: string | undefined): TenantConfigRecord | undefined {
  try {
    const cached = JSON.parse(sessionStorage.getItem(CONFIG_CACHE_KEY) ?? 'null') as { at: number; tenantId?: string; config: TenantConfigRecord } | null;
    if (cached && cached.tenantId === tenantId && Date.now() - cached.at < CONFIG_CACHE_MS) return cached.config;
  } catch {
    // No storage (private mode) or a bad entry: read it from the API.
  }
  return undefined;
}

/**
 * The county's configuration (categories, reminder hours), once per page load and cached for a
 * few minutes. Undefined when the user may not read it (agency staff): the pages then show
 * category ids.
 */
export function loadConfig({ api, me }: FieldSession): Promise<TenantConfigRecord | undefined> {
  const cached = cachedConfig(me.tenantId);
  if (cached) return Promise.resolve(cached);
  configPromise ??= api
    .get<TenantConfigRecord>('/config')
    .then((config) => {
      try {
        sessionStorage.setItem(CONFIG_CACHE_KEY, JSON.stringify({ at: Date.now(), tenantId: me.tenantId, config }));
      } catch {
        // Storage full or unavailable: fine, it is only a cache.
      }
      return config;
    })
    .catch((error: unknown) => {
      configPromise = undefined;
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return undefined;
      throw error;
    });
  return configPromise;
}

/** A category's name from the configuration, else its id. */
export function categoryName(config: TenantConfigRecord | undefined, categoryId: string): string {
  return config?.matters.categories.find((c) => c.id === categoryId)?.name ?? categoryId;
}
