import type { AttachmentCreateInput } from '@beatlink/shared';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle } from '../../lib/http-route';
import { completeAttachment, createAttachment, getAttachment } from '../../services/attachments/attachments';

type ById = { id: string };

/** The attachments context: pre-signed upload, confirmation, pre-signed download. */
export const handler = contextRouter(
  'attachments',
  {
    createAttachment: handle<AttachmentCreateInput>(({ ctx, body }) => createAttachment(ctx, body)),
    completeAttachment: handle<unknown, unknown, ById>(({ ctx, params }) => completeAttachment(ctx, params.id)),
    getAttachment: handle<unknown, unknown, ById>(({ ctx, params }) => getAttachment(ctx, params.id)),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
