import { SESv2Client, SendEmailCommand, type SendEmailCommandOutput } from '@aws-sdk/client-sesv2';
import { readEnv } from '../../../lib/env';
import { ChannelError, channelErrorOf, type ChannelMessage, type MessageChannel } from './channel';

/** E-mail through Amazon SES (v2 SendEmail), from the verified sender NOTIFY_EMAIL_FROM. */
export interface SesSender {
  send(command: SendEmailCommand): Promise<Pick<SendEmailCommandOutput, 'MessageId'>>;
}

let client: SESv2Client | undefined;

/** Created on first use, once per process; the SDK's own retries are kept short (the next run retries too). */
const sesClient = (): SESv2Client => (client ??= new SESv2Client({ region: readEnv().region, maxAttempts: 2 }));

export function sesEmailChannel(sender: SesSender = sesClient(), from: string | undefined = process.env.NOTIFY_EMAIL_FROM): MessageChannel {
  return {
    channel: 'email',
    async send(message: ChannelMessage) {
      if (!from) throw new ChannelError('permanent', 'NOTIFY_EMAIL_FROM is not set: no sender for e-mail');
      try {
        const out = await sender.send(
          new SendEmailCommand({
            FromEmailAddress: from,
            Destination: { ToAddresses: [message.to] },
            Content: {
              Simple: {
                Subject: { Data: message.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: message.body, Charset: 'UTF-8' } },
              },
            },
          }),
        );
        return { messageId: out.MessageId ?? '' };
      } catch (error) {
        throw channelErrorOf(error);
      }
    },
  };
}
