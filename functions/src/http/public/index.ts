import type {
  Open311CreateRequestInput,
  Open311ListRequestsQuery,
  Open311ListUpdatesQuery,
  Open311PostUpdateInput,
  PublicMatterCreateInput,
  PublicMatterUpdateInput,
  PublicStatsQuery,
} from '@beatlink/shared';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { handlePublic, publicRouter } from '../../lib/public-route';
import { createMatterFromIntegrator } from '../../services/matters/integrator-intake';
import { applyIntegratorUpdate } from '../../services/matters/integrator-updates';
import { getPublicMatter, getPublicTimeline } from '../../services/public/matters';
import { open311Discovery } from '../../services/public/open311-discovery';
import { createOpen311Request, getOpen311Request, listOpen311Requests, resolveOpen311Token } from '../../services/public/open311-requests';
import { getOpen311ServiceDefinition, listOpen311Services } from '../../services/public/open311-services';
import { listOpen311Updates, postOpen311Update } from '../../services/public/open311-updates';
import { openApiDocument } from '../../services/public/openapi';
import { getPublicStats } from '../../services/public/stats';

type ById = { id: string };

/** One handler serves both formats of an Open311 collection route: the router renders JSON or XML. */
const both = <T>(handler: T) => ({ json: handler, xml: handler });

const discovery = both(handlePublic(async ({ baseUrl }) => open311Discovery(baseUrl)));
const services = both(handlePublic(({ integrator }) => listOpen311Services(integrator)));
const createRequest = both(handlePublic<Open311CreateRequestInput>(({ integrator, body }) => createOpen311Request(integrator, body)));
const listRequests = both(handlePublic<unknown, Open311ListRequestsQuery>(({ integrator, query }) => listOpen311Requests(integrator, query, Date.now())));
const listUpdates = both(handlePublic<unknown, Open311ListUpdatesQuery>(({ integrator, query }) => listOpen311Updates(integrator, query, Date.now())));
const postUpdate = both(handlePublic<Open311PostUpdateInput>(({ integrator, body }) => postOpen311Update(integrator, body)));

/** The public API for integrators: Open311 GeoReport v2 (+ servicerequestupdates) and REST v1. */
export const handler = publicRouter(
  {
    open311DiscoveryJson: discovery.json,
    open311DiscoveryXml: discovery.xml,
    open311ListServicesJson: services.json,
    open311ListServicesXml: services.xml,
    open311GetService: handlePublic<unknown, unknown, { service_code: string }>(({ integrator, params }) => getOpen311ServiceDefinition(integrator, params.service_code)),
    open311CreateRequestJson: createRequest.json,
    open311CreateRequestXml: createRequest.xml,
    open311ListRequestsJson: listRequests.json,
    open311ListRequestsXml: listRequests.xml,
    open311GetRequest: handlePublic<unknown, unknown, { service_request_id: string }>(({ integrator, params }) => getOpen311Request(integrator, params.service_request_id)),
    open311GetToken: handlePublic<unknown, unknown, { token: string }>(({ integrator, params }) => resolveOpen311Token(integrator, params.token)),
    open311ListUpdatesJson: listUpdates.json,
    open311ListUpdatesXml: listUpdates.xml,
    open311PostUpdateJson: postUpdate.json,
    open311PostUpdateXml: postUpdate.xml,
    v1CreateMatter: handlePublic<PublicMatterCreateInput>(({ integrator, body }) => createMatterFromIntegrator(integrator, body)),
    v1GetMatter: handlePublic<unknown, unknown, ById>(({ integrator, params }) => getPublicMatter(integrator, params.id)),
    v1GetMatterTimeline: handlePublic<unknown, unknown, ById>(({ integrator, params }) => getPublicTimeline(integrator, params.id)),
    v1PostMatterUpdate: handlePublic<PublicMatterUpdateInput, unknown, ById>(({ integrator, params, body }) => applyIntegratorUpdate(integrator, params.id, body)),
    v1GetStats: handlePublic<unknown, PublicStatsQuery>(({ integrator, query }) => getPublicStats(integrator, query)),
    v1GetOpenApi: handlePublic(async ({ baseUrl }) => openApiDocument(baseUrl)),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
