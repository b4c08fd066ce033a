import { PublishCommand, SNSClient, type PublishCommandOutput } from '@aws-sdk/client-sns';
import { readEnv } from '../../../lib/env';
import { ChannelError, channelErrorOf, type ChannelMessage, type MessageChannel } from './channel';

/** SMS through Amazon SNS (Publish to a phone number), transactional. */
export interface SnsPublisher {
  send(command: PublishCommand): Promise<Pick<PublishCommandOutput, 'MessageId'>>;
}

let client: SNSClient | undefined;

const snsClient = (): SNSClient => (client ??= new SNSClient({ region: readEnv().region, maxAttempts: 2 }));

/** A mainland mobile number in E.164 (+86…), or undefined for anything else. */
export function e164Mobile(phone: string): string | undefined {
  const digits = phone.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? `+86${digits}` : undefined;
}

/** SMS are short: the subject in brackets, then the text. */
const smsText = (m: ChannelMessage) => (m.body.startsWith('【') ? m.body : `【${m.subject}】${m.body}`);

export function snsSmsChannel(publisher: SnsPublisher = snsClient()): MessageChannel {
  return {
    channel: 'sms',
    async send(message: ChannelMessage) {
      const phoneNumber = e164Mobile(message.to);
      if (!phoneNumber) throw new ChannelError('permanent', 'not a mainland mobile number');
      try {
        const out = await publisher.send(
          new PublishCommand({
            PhoneNumber: phoneNumber,
            Message: smsText(message),
            MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
          }),
        );
        return { messageId: out.MessageId ?? '' };
      } catch (error) {
        throw channelErrorOf(error);
      }
    },
  };
}
