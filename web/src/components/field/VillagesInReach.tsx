'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { describeError } from '../../lib/api-error';
import { loadVillagesInReach, villageSourceFor, type VillageOption } from '../../lib/field/reach';
import type { FieldSession } from './session';
import { Failure, Loading } from './ui';

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; villages: VillageOption[] };

/** Loads the villages in the user's reach (as the API's own rule has it), then shows `children` with them. */
export function VillagesInReach({ session, children }: { session: FieldSession; children: (villages: VillageOption[]) => ReactNode }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    loadVillagesInReach(session.api, villageSourceFor(session.me))
      .then((villages) => !cancelled && setLoad({ kind: 'ready', villages }))
      .catch((error: unknown) => !cancelled && setLoad({ kind: 'failed', message: describeError(error) }));
    return () => {
      cancelled = true;
    };
  }, [session, attempt]);
  if (load.kind === 'loading') return <Loading />;
  if (load.kind === 'failed')
    return (
      <Failure
        message={load.message}
        retry={() => {
          setLoad({ kind: 'loading' });
          setAttempt((n) => n + 1);
        }}
      />
    );
  if (load.villages.length === 0) return <p className="f-hint">您的责任区内没有可选的村（社区），请联系活动办。</p>;
  return <>{children(load.villages)}</>;
}
