import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { WEBHOOK_HEADERS, WEBHOOK_TIMEOUT_MS } from '@beatlink/shared';
import { readEnv } from '../../lib/env';
import { isPublicAddress } from './public-address';

/**
 * POSTs one signed webhook body. 2xx is delivered; anything else (a redirect too — they are not
 * followed, a receiver must answer at its registered URL) is a failure with the reason recorded.
 * In AWS the host's addresses are checked in the socket's own DNS lookup, so the address that is
 * checked is the one connected to (no gap for DNS rebinding); IP literals are checked up front.
 */
export interface WebhookRequest {
  url: string;
  body: string;
  signature: string;
  event: string;
  deliveryId: string;
  attempt: number;
}

export interface WebhookResponse {
  delivered: boolean;
  statusCode?: number;
  /** Why it failed: the network error, or the first characters of a non-2xx answer. */
  error?: string;
  /** The receiver did not answer in time (what makes a dead endpoint slow to try). */
  timedOut?: boolean;
  durationMs: number;
}

export interface SenderOptions {
  /** Refuse non-public addresses (AWS); the local stack delivers to loopback receivers. */
  publicOnly?: boolean;
  timeoutMs?: number;
}

const USER_AGENT = 'Beatlink-Webhooks/1';
const ERROR_CHARS = 200;
/** Bytes of an answer read at most: enough for the error text, not a download. */
const MAX_READ_BYTES = 2048;

const notPublic = (host: string) => Object.assign(new Error(`${host} is not a public address`), { code: 'EADDRNOTPUBLIC' });

/** dns.lookup that fails unless every address of the host is public (a mixed answer is refused). */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address))) return callback(notPublic(hostname), '');
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

interface RawAnswer {
  statusCode: number;
  text: string;
}

function post(url: URL, headers: Record<string, string>, body: string, options: Required<SenderOptions>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(
      url,
      { method: 'POST', headers, signal: AbortSignal.timeout(options.timeoutMs), ...(options.publicOnly ? { lookup: publicOnlyLookup } : {}) },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= MAX_READ_BYTES) response.destroy();
        });
        response.on('error', () => undefined);
        response.on('close', () => resolve({ statusCode: response.statusCode ?? 0, text: Buffer.concat(chunks).subarray(0, MAX_READ_BYTES).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const isTimeout = (error: unknown) => ['AbortError', 'TimeoutError'].includes((error as { name?: string }).name ?? '');

function networkError(error: unknown): string {
  const e = error as { name?: string; code?: string; message?: string };
  return `${e.code ?? e.name ?? 'Error'}: ${e.message ?? ''}`.slice(0, ERROR_CHARS);
}

export async function sendWebhook(request: WebhookRequest, options: SenderOptions = {}): Promise<WebhookResponse> {
  const settings: Required<SenderOptions> = { publicOnly: options.publicOnly ?? readEnv().stage === 'aws', timeoutMs: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS };
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { delivered: false, error: 'invalid URL', durationMs: elapsed() };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { delivered: false, error: `unsupported protocol ${url.protocol}`, durationMs: elapsed() };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (settings.publicOnly && isIP(host) && !isPublicAddress(host)) return { delivered: false, error: notPublic(host).message, durationMs: elapsed() };
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(request.body, 'utf8')),
    'user-agent': USER_AGENT,
    [WEBHOOK_HEADERS.signature]: request.signature,
    [WEBHOOK_HEADERS.event]: request.event,
    [WEBHOOK_HEADERS.delivery]: request.deliveryId,
    [WEBHOOK_HEADERS.attempt]: String(request.attempt),
  };
  try {
    const answer = await post(url, headers, request.body, settings);
    if (answer.statusCode >= 200 && answer.statusCode < 300) return { delivered: true, statusCode: answer.statusCode, durationMs: elapsed() };
    if (answer.statusCode >= 300 && answer.statusCode < 400) return { delivered: false, statusCode: answer.statusCode, error: `redirect (HTTP ${answer.statusCode}) not followed`, durationMs: elapsed() };
    const text = answer.text.trim();
    return { delivered: false, statusCode: answer.statusCode, error: (text || `HTTP ${answer.statusCode}`).slice(0, ERROR_CHARS), durationMs: elapsed() };
  } catch (error) {
    if (isTimeout(error)) return { delivered: false, error: `no answer within ${settings.timeoutMs} ms`, timedOut: true, durationMs: elapsed() };
    return { delivered: false, error: networkError(error), durationMs: elapsed() };
  }
}
