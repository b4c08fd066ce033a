import { createHash } from 'node:crypto';
import type { NotificationChannel } from '@beatlink/shared';
import { putOutboxMessage } from '../../../data/deliveries';
import type { ChannelMessage, MessageChannel } from './channel';

/**
 * The local stand-in for SES and SNS: the message goes to the county's outbox, which the
 * developer page (GET /notifications/outbox) shows. The id is derived from notification, user and
 * channel, so the same delivery cannot appear twice.
 */
export function localOutboxChannel(channel: NotificationChannel): MessageChannel {
  return {
    channel,
    async send(message: ChannelMessage) {
      const id = `msg_${createHash('sha256').update([message.notificationId, message.username, channel].join('|')).digest('hex').slice(0, 32)}`;
      await putOutboxMessage(message.tenantId, {
        id,
        channel,
        to: message.to,
        username: message.username,
        notificationId: message.notificationId,
        subject: message.subject,
        body: message.body,
        sentAt: message.at,
      });
      return { messageId: id };
    },
  };
}
