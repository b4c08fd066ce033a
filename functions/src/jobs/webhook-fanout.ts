import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchItemFailure, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { MatterStatus } from '@beatlink/shared';
import { logger } from '../lib/logger';
import { runInTenant } from '../lib/tenant-scope';
import {
  createMatterEventDeliveries,
  sendNewDeliveries,
  type EndpointLists,
  type MatterTimelineItem,
} from '../services/integrations/webhook-deliveries';
import type { StoredWebhookDelivery } from '../data/integrations';

/**
 * The webhook outbox is the matter timeline itself: this handler reads the table's stream
 * (NEW_IMAGE, ReportBatchItemFailures) — in AWS filtered to INSERTs of `_et = matterEvent`, locally
 * fed by a poller with the same filter; the filter is re-checked here. For each timeline item the
 * deliveries are written first (a record that fails to write is reported and retried by the
 * stream; ids are deterministic, so a retry writes only what is missing), then all new deliveries
 * of the batch are attempted at once, a few at a time. A failed attempt is not a failed record:
 * the delivery stays pending for the retry job. Each record is handled inside `runInTenant` of the
 * county its key names, and each new delivery is sent in its own county's scope (in AWS:
 * tenant-scoped credentials).
 */
/** `T#<t>#MATTER_EVENT#<matterId>`: the county and the matter, from the key every item has. */
const TIMELINE_PK = /^T#(\d{6})#MATTER_EVENT#(mat_[0-9A-Z]{26})$/;

/** The timeline item of a stream record, or undefined for anything else. */
function timelineItemOf(record: DynamoDBRecord): { tenantId: string; event: MatterTimelineItem } | undefined {
  const image = record.eventName === 'INSERT' ? record.dynamodb?.NewImage : undefined;
  if (!image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (item._et !== 'matterEvent') return undefined;
  const key = typeof item.pk === 'string' ? TIMELINE_PK.exec(item.pk) : undefined;
  if (!key || typeof item.id !== 'string' || typeof item.type !== 'string' || typeof item.at !== 'string') return undefined;
  return {
    tenantId: key[1]!,
    event: {
      id: item.id,
      matterId: key[2]!,
      type: item.type as MatterTimelineItem['type'],
      at: item.at,
      ...(typeof item.from === 'string' ? { from: item.from as MatterStatus } : {}),
      ...(typeof item.to === 'string' ? { to: item.to as MatterStatus } : {}),
      ...(item.data && typeof item.data === 'object' ? { data: item.data as Record<string, unknown> } : {}),
    },
  };
}

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchItemFailure[] = [];
  const lists: EndpointLists = new Map();
  const created: StoredWebhookDelivery[] = [];
  // In stream order, so a matter's deliveries are created (and first sent) in the order of its timeline.
  for (const record of event.Records) {
    const timeline = timelineItemOf(record);
    if (!timeline) continue;
    try {
      created.push(...(await runInTenant(timeline.tenantId, () => createMatterEventDeliveries(timeline.tenantId, timeline.event, {}, lists))));
    } catch (error) {
      logger.error('webhook fan-out failed', { tenantId: timeline.tenantId, eventId: timeline.event.id, errorName: (error as Error).name, error: error as Error });
      const sequence = record.dynamodb?.SequenceNumber;
      if (sequence) batchItemFailures.push({ itemIdentifier: sequence });
    }
  }
  if (created.length > 0) await sendNewDeliveries(created);
  return { batchItemFailures };
}
