import type { DisputeFiguresQuery, DisputeUpdateInput, MatterIntakeInput, MatterListQuery, RevealInput, TransitionBody, TransitionName } from '@beatlink/shared';
import { TRANSITIONS } from '@beatlink/shared';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle, type RouteHandler } from '../../lib/http-route';
import { getDisputeFigures, getMatterDispute, updateMatterDispute } from '../../services/matters/disputes';
import { listMatterDuplicates } from '../../services/matters/duplicates';
import { listMatters } from '../../services/matters/inbox';
import { createMatter } from '../../services/matters/intake';
import { getMatter, getMatterTimeline } from '../../services/matters/matter-detail';
import { revealMatterPhone } from '../../services/matters/reveal';
import { transitionMatter } from '../../services/matters/transitions';

type ById = { id: string };

/** POST /matters/{id}/{transition}: one handler per entry of the shared transition table. */
const transitionHandlers = Object.fromEntries(
  TRANSITIONS.map((name) => [
    `${name}Matter`,
    handle<TransitionBody<TransitionName>, unknown, ById>(({ ctx, params, body }) => transitionMatter(ctx, name, params.id, body)),
  ]),
) as Record<`${TransitionName}Matter`, RouteHandler>;

/** The matters context: intake, inboxes, the state machine, disputes, and reveals of personal data. */
export const handler = contextRouter(
  'matters',
  {
    createMatter: handle<MatterIntakeInput>(({ ctx, body }) => createMatter(ctx, body)),
    listMatters: handle<unknown, MatterListQuery>(({ ctx, query }) => listMatters(ctx, query)),
    getMatter: handle<unknown, unknown, ById>(({ ctx, params }) => getMatter(ctx, params.id)),
    listMatterEvents: handle<unknown, unknown, ById>(({ ctx, params }) => getMatterTimeline(ctx, params.id)),
    listMatterDuplicates: handle<unknown, unknown, ById>(({ ctx, params }) => listMatterDuplicates(ctx, params.id)),
    revealMatterPhone: handle<RevealInput, unknown, ById>(({ ctx, params, body }) => revealMatterPhone(ctx, params.id, body)),
    getMatterDispute: handle<unknown, unknown, ById>(({ ctx, params }) => getMatterDispute(ctx, params.id)),
    updateMatterDispute: handle<DisputeUpdateInput, unknown, ById>(({ ctx, params, body }) => updateMatterDispute(ctx, params.id, body)),
    getDisputeFigures: handle<unknown, DisputeFiguresQuery>(({ ctx, query }) => getDisputeFigures(ctx, query)),
    ...transitionHandlers,
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
