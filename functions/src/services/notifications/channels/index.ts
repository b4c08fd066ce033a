import type { NotificationChannel } from '@beatlink/shared';
import { readEnv } from '../../../lib/env';
import type { MessageChannel } from './channel';
import { localOutboxChannel } from './local-outbox';
import { sesEmailChannel } from './ses-email';
import { snsSmsChannel } from './sns-sms';

export type MessageChannels = Record<NotificationChannel, MessageChannel>;

let channels: MessageChannels | undefined;

/** SES and SNS where the stage is AWS; the local outbox everywhere else. Chosen once per process. */
export function messageChannels(stage: 'local' | 'aws' = readEnv().stage): MessageChannels {
  if (stage === 'aws') return (channels ??= { email: sesEmailChannel(), sms: snsSmsChannel() });
  return { email: localOutboxChannel('email'), sms: localOutboxChannel('sms') };
}
