'use client';

import type { ReactNode } from 'react';
import { loadVillagesInReach, villageSourceFor, type VillageOption } from '../../lib/field/reach';
import type { FieldSession } from './session';
import { Failure, Loading } from './ui';
import { useLoad } from './use-load';

/** Loads the villages in the user's reach (as the API's own rule has it), then shows `children` with them. */
export function VillagesInReach({ session, children }: { session: FieldSession; children: (villages: VillageOption[]) => ReactNode }) {
  const { state, retry } = useLoad(() => loadVillagesInReach(session.api, villageSourceFor(session.me)), [session]);
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  if (state.data.length === 0) return <p className="f-hint">您的责任区内没有可选的村（社区），请联系活动办。</p>;
  return <>{children(state.data)}</>;
}
