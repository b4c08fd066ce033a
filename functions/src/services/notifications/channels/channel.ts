import type { NotificationChannel } from '@beatlink/shared';

/**
 * The one interface every delivery channel implements: e-mail (SES) and SMS (SNS) in AWS, the
 * local outbox everywhere else. A channel either returns the provider's message id or throws a
 * ChannelError saying whether trying again later can help.
 */
export interface ChannelMessage {
  tenantId: string;
  /** The address: an e-mail address, or a mainland mobile number (11 digits). */
  to: string;
  username: string;
  notificationId: string;
  subject: string;
  body: string;
  /** The delivery run's clock. */
  at: string;
}

export interface MessageChannel {
  channel: NotificationChannel;
  send(message: ChannelMessage): Promise<{ messageId: string }>;
}

/** transient: throttling, an outage, a timeout — a later run may retry. permanent: never will work. */
export type SendFailure = 'transient' | 'permanent';

export class ChannelError extends Error {
  readonly failure: SendFailure;

  constructor(failure: SendFailure, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChannelError';
    this.failure = failure;
  }
}

/** Error names of the AWS SDK that mean "not now" rather than "never". */
const TRANSIENT_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'LimitExceededException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalErrorException',
  'InternalServiceError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'KMSThrottlingException',
]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** Addresses never reach the log or the delivery record: numbers and e-mail addresses are masked. */
export function redactAddresses(text: string): string {
  return text.replace(/[^\s@<>"']+@[^\s@<>"']+/g, '***@***').replace(/\+?\d[\d -]{6,}\d/g, '***');
}

/** Classifies a provider error: transient when the SDK, the name or the status say "retry". */
export function channelErrorOf(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const e = error as { name?: string; code?: string; message?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  const transient =
    e.$retryable !== undefined ||
    TRANSIENT_NAMES.has(e.name ?? '') ||
    NETWORK_CODES.has(e.code ?? '') ||
    status === 429 ||
    (status !== undefined && status >= 500) ||
    // No answer at all (no status): a network failure, worth another try.
    (status === undefined && !e.name?.endsWith('Exception'));
  return new ChannelError(transient ? 'transient' : 'permanent', redactAddresses(`${e.name ?? 'Error'}: ${e.message ?? String(error)}`).slice(0, 500), { cause: error });
}
