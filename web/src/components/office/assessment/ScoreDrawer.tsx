'use client';

import { useCallback, useEffect, useState } from 'react';
import { Button, Drawer } from 'antd';
import type { SubjectScore } from '@beatlink/shared/assessment/views';
import { describeError } from '../../../lib/api-error';
import { Notice } from '../Notice';
import { useSession } from '../session';
import { ScoreBreakdown } from './ScoreBreakdown';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; score: SubjectScore };

/** 得分明细 in a drawer: the score given, or GET /assessment/scores/{period}/{subjectId}. */
export default function ScoreDrawer({ period, subjectId, score, onClose }: { period: string; subjectId: string; score?: SubjectScore; onClose(): void }) {
  const { api } = useSession();
  const [state, setState] = useState<State>(score ? { kind: 'ready', score } : { kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'ready', score: await api.get<SubjectScore>(`/assessment/scores/${encodeURIComponent(period)}/${encodeURIComponent(subjectId)}`) });
    } catch (error) {
      setState({ kind: 'failed', message: describeError(error) });
    }
  }, [api, period, subjectId]);

  useEffect(() => {
    if (!score) void load();
  }, [load, score]);

  return (
    <Drawer open size="min(960px, 92vw)" title="得分明细" onClose={onClose} destroyOnHidden data-testid="score-drawer">
      {state.kind === 'loading' && <p className="muted">正在加载得分…</p>}
      {state.kind === 'failed' && (
        <Notice kind="error" title="无法加载得分" action={<Button onClick={() => void load()}>重试</Button>}>
          {state.message}
        </Notice>
      )}
      {state.kind === 'ready' && <ScoreBreakdown score={state.score} />}
    </Drawer>
  );
}
