import type { CallbackCreateInput, FamiliarityQuery, HouseholdCreateInput, HouseholdListQuery, HouseholdRevealInput, HouseholdUpdateInput, ResourcesUpdateInput } from '@beatlink/shared/registry/households';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle } from '../../lib/http-route';
import { createHousehold, getHousehold, listHouseholds, recordCallback, revealHouseholdPhone, updateHousehold, villageFamiliarity } from '../../services/registry/households';
import { getVillageResources, updateVillageResources } from '../../services/registry/resources';

type ById = { id: string };

/** The registry context: households and call-backs (户、回访), familiarity, village resources (群防群治/物防). */
export const handler = contextRouter(
  'registry',
  {
    createHousehold: handle<HouseholdCreateInput>(({ ctx, body }) => createHousehold(ctx, body)),
    listHouseholds: handle<unknown, HouseholdListQuery>(({ ctx, query }) => listHouseholds(ctx, query)),
    getHousehold: handle<unknown, unknown, ById>(({ ctx, params }) => getHousehold(ctx, params.id)),
    updateHousehold: handle<HouseholdUpdateInput, unknown, ById>(({ ctx, params, body }) => updateHousehold(ctx, params.id, body)),
    revealHouseholdPhone: handle<HouseholdRevealInput, unknown, ById>(({ ctx, params, body }) => revealHouseholdPhone(ctx, params.id, body)),
    recordCallback: handle<CallbackCreateInput, unknown, ById>(({ ctx, params, body }) => recordCallback(ctx, params.id, body)),
    getVillageFamiliarity: handle<unknown, FamiliarityQuery, ById>(({ ctx, params, query }) => villageFamiliarity(ctx, params.id, query)),
    getVillageResources: handle<unknown, unknown, ById>(({ ctx, params }) => getVillageResources(ctx, params.id)),
    updateVillageResources: handle<ResourcesUpdateInput, unknown, ById>(({ ctx, params, body }) => updateVillageResources(ctx, params.id, body)),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
