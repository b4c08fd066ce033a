'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Fix } from '@beatlink/shared';
import { geolocationErrorText } from '../../lib/field/intake';
import { toFix } from '../../lib/field/visit';

/** The phone's position: asked for on a tap (or at once with `auto`), with the reason it failed. */
export type Position = { kind: 'idle' } | { kind: 'locating' } | { kind: 'ok'; fix: Fix } | { kind: 'failed'; message: string };

export function usePosition(auto: boolean) {
  const [position, setPosition] = useState<Position>({ kind: 'idle' });
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) return setPosition({ kind: 'failed', message: geolocationErrorText(undefined) });
    setPosition({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (p) => setPosition({ kind: 'ok', fix: toFix(p.coords) }),
      (failure) => setPosition({ kind: 'failed', message: geolocationErrorText(failure.code) }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  }, []);
  const clear = useCallback(() => setPosition({ kind: 'idle' }), []);
  useEffect(() => {
    if (auto) locate();
  }, [auto, locate]);
  return { position, locate, clear, fix: position.kind === 'ok' ? position.fix : undefined };
}
