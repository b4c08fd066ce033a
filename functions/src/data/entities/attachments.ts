import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { tenantPartition } from './common';

/**
 * An uploaded photo or document: `T#<t>#ATTACHMENT` / `<attachmentId>`. The bytes are in the
 * object store; this record says what was declared, whether it arrived (`ready`) and which
 * record uses it. A pending one carries the table's TTL `expiresAt`, so abandoned uploads vanish.
 */
export const AttachmentEntity = new Entity({
  name: 'attachment',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    fileName: string(),
    contentType: string(),
    size: number(),
    status: string().enum('pending', 'ready'),
    linkedKind: string().enum('matter').optional(),
    linkedId: string().optional(),
    /** Epoch seconds (DynamoDB TTL); present only while pending. */
    expiresAt: number().optional(),
    createdAt: string(),
    createdBy: string(),
    updatedAt: string(),
    version: number(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'ATTACHMENT'), sk: id }),
});
