import { describe, expect, it } from 'vitest';
import type { PublishCommand } from '@aws-sdk/client-sns';
import type { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { ChannelError, channelErrorOf, redactAddresses, type ChannelMessage } from './channel';
import { sesEmailChannel } from './ses-email';
import { e164Mobile, snsSmsChannel } from './sns-sms';

/**
 * The AWS channels with injected fake clients (aws-sdk-client-mock is not installed here): what
 * they send, and how provider failures are classified for the retry rule.
 */
const message: ChannelMessage = {
  tenantId: '370283',
  to: '13805321234',
  username: 'zhang.san',
  notificationId: 'ntf_0123456789abcdef0123456789abcdef',
  subject: '包村工作提醒：2032-03-02 周二包村工作',
  body: '【包村工作提醒】今天下午 12:00–18:00 请到大泽山村开展包村工作（不少于 3 小时）。',
  at: '2032-03-02T01:00:00.000Z',
};

const awsError = (name: string, status: number, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${name} happened for +8613805321234`), { name, $metadata: { httpStatusCode: status }, ...extra });

describe('SNS SMS channel', () => {
  it('publishes a transactional SMS to the E.164 number', async () => {
    const sent: PublishCommand[] = [];
    const channel = snsSmsChannel({ send: async (c) => (sent.push(c), { MessageId: 'sns-1' }) });
    expect(await channel.send(message)).toEqual({ messageId: 'sns-1' });
    expect(sent[0]!.input).toMatchObject({
      PhoneNumber: '+8613805321234',
      Message: message.body,
      MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
    });
  });

  it('throttling is transient (a later run retries), without the number in the error', async () => {
    const channel = snsSmsChannel({ send: async () => Promise.reject(awsError('ThrottledException', 400, { $retryable: { throttling: true } })) });
    const error = await channel.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ failure: 'transient' });
    expect((error as Error).message).not.toContain('13805321234');
  });

  it('a bad number is permanent, before or from SNS', async () => {
    let calls = 0;
    const channel = snsSmsChannel({ send: async () => (calls++, Promise.reject(awsError('InvalidParameterException', 400))) });
    await expect(channel.send({ ...message, to: '0532-88881234' })).rejects.toMatchObject({ failure: 'permanent' });
    expect(calls).toBe(0);
    await expect(channel.send(message)).rejects.toMatchObject({ failure: 'permanent' });
    expect(calls).toBe(1);
  });

  it('formats mainland mobiles only', () => {
    expect(e164Mobile('138 0532 1234')).toBe('+8613805321234');
    expect(e164Mobile('+8613805321234')).toBe('+8613805321234');
    expect(e164Mobile('0532-88881234')).toBeUndefined();
  });
});

describe('SES e-mail channel', () => {
  it('sends a UTF-8 text e-mail from the configured sender', async () => {
    const sent: SendEmailCommand[] = [];
    const channel = sesEmailChannel({ send: async (c) => (sent.push(c), { MessageId: 'ses-1' }) }, 'no-reply@beatlink.example.cn');
    expect(await channel.send({ ...message, to: 'zhang@example.cn' })).toEqual({ messageId: 'ses-1' });
    expect(sent[0]!.input).toMatchObject({
      FromEmailAddress: 'no-reply@beatlink.example.cn',
      Destination: { ToAddresses: ['zhang@example.cn'] },
      Content: { Simple: { Subject: { Data: message.subject, Charset: 'UTF-8' }, Body: { Text: { Data: message.body, Charset: 'UTF-8' } } } },
    });
  });

  it('TooManyRequests and 5xx are transient; a rejected message is permanent; no sender is permanent', async () => {
    const failing = (error: Error) => sesEmailChannel({ send: async () => Promise.reject(error) }, 'no-reply@beatlink.example.cn');
    await expect(failing(awsError('TooManyRequestsException', 429)).send(message)).rejects.toMatchObject({ failure: 'transient' });
    await expect(failing(awsError('InternalFailure', 500)).send(message)).rejects.toMatchObject({ failure: 'transient' });
    await expect(failing(awsError('MessageRejected', 400)).send(message)).rejects.toMatchObject({ failure: 'permanent' });
    await expect(sesEmailChannel({ send: async () => ({ MessageId: 'x' }) }, undefined).send(message)).rejects.toMatchObject({ failure: 'permanent' });
  });
});

describe('error classification', () => {
  it('treats network failures as transient and masks addresses', () => {
    expect(channelErrorOf(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).failure).toBe('transient');
    expect(redactAddresses('to zhang@example.cn and +86 138 0532 1234')).toBe('to ***@*** and ***');
  });
});
