import type { IncomingMessage } from 'node:http';
import type { HttpResponse } from './http-api-event';

/**
 * A webhook receiver for the local stack only (not a route of the API): the demo counties'
 * webhook points here, so their deliveries succeed and a newcomer can see what was sent —
 * `GET /local/webhook-echo` lists the last deliveries (headers and body) newest first.
 */
export const LOCAL_WEBHOOK_ECHO_PATH = '/local/webhook-echo';
const KEEP = 50;

interface Received {
  at: string;
  headers: Record<string, string>;
  body: string;
}

export function webhookEcho() {
  const received: Received[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolveBody, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8').slice(0, 64 * 1024)));
      req.on('error', reject);
    });
  return {
    async answer(method: string, req: IncomingMessage): Promise<HttpResponse> {
      if (method === 'POST') {
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name.startsWith('beatlink-') || name === 'content-type').map(([n, v]) => [n, String(v)]));
        received.unshift({ at: new Date().toISOString(), headers, body: await read(req) });
        received.splice(KEEP);
        return { statusCode: 204, headers: {}, body: Buffer.alloc(0) };
      }
      req.resume();
      return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(JSON.stringify(received)) };
    },
  };
}
