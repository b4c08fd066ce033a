import type { DeactivateInput, RecordMeta } from '@beatlink/shared';
import { handle, type RouteHandler } from '../../lib/http-route';
import type { ListInput } from '../../services/directory/resource-definition';
import type { ResourceService } from '../../services/directory/resource-service';
import type { CrudOperationId } from '../../routes';

type ById = { id: string };

/**
 * The five handlers of one directory record type (create, list, get, update, deactivate), named
 * as routes.ts names them. `parentField` is set for records created and listed under a parent in
 * the path (`/directory/agencies/{id}/staff` → `agencyId`).
 */
export function crudHandlers<One extends string, Many extends string, T extends RecordMeta>(
  one: One,
  many: Many,
  service: ResourceService<T>,
  options: { parentField?: string } = {},
): Record<CrudOperationId<One, Many>, RouteHandler> {
  const withParent = <V extends object>(value: V, params: Partial<ById>): V =>
    options.parentField && params.id ? { ...value, [options.parentField]: params.id } : value;
  const handlers: Record<string, RouteHandler> = {
    [`create${one}`]: handle<object, unknown, Partial<ById>>(({ ctx, body, params }) => service.create(ctx, withParent(body, params))),
    [`list${many}`]: handle<unknown, ListInput, Partial<ById>>(({ ctx, query, params }) => service.list(ctx, withParent(query, params))),
    [`get${one}`]: handle<unknown, unknown, ById>(({ ctx, params }) => service.get(ctx, params.id)),
    [`update${one}`]: handle<{ version: number }, unknown, ById>(({ ctx, params, body }) => service.update(ctx, params.id, body)),
    [`deactivate${one}`]: handle<DeactivateInput, unknown, ById>(({ ctx, params, body }) => service.deactivate(ctx, params.id, body)),
  };
  return handlers as Record<CrudOperationId<One, Many>, RouteHandler>;
}
