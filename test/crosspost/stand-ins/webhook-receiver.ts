// A Standard Webhooks receiver on 127.0.0.1, as the provincial portal would run one: it
// verifies each request with the shared secret, dedupes on webhook-id and records each event
// once. Knobs make it fail the way real receivers do.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../../scripts/crosspost/channels/webhook/verify-webhook-signature.ts';

export interface ReceivedRequest {
  id: string | undefined;
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface AcceptedEvent {
  id: string;
  event: unknown;
}

interface Failure {
  status: 500 | 429 | 503;
  retryAfter?: string;
  /** Record the event, then answer with the failure: the reply lost after the commit. */
  afterRecording: boolean;
}

export interface WebhookReceiver {
  url: string;
  /** Every request, verified or not, in arrival order. */
  requests: ReceivedRequest[];
  /** Each distinct, verified event once. */
  accepted: AcceptedEvent[];
  failNext(count: number, failure: Partial<Failure> & Pick<Failure, 'status'>): void;
  /** Answer 410 Gone to everything from now on. */
  gone(): void;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const accepted: AcceptedEvent[] = [];
  const seen = new Set<string>();
  const failures: Failure[] = [];
  let isGone = false;

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const id = typeof req.headers['webhook-id'] === 'string' ? req.headers['webhook-id'] : undefined;
    const answer = (status: number, headers: Record<string, string> = {}) => {
      requests.push({ id, status, headers: req.headers, body });
      res.writeHead(status, headers).end();
    };
    if (isGone) return answer(410);
    let verified: { id: string };
    try {
      verified = verifyWebhookSignature(secret, req.headers, body, Date.now());
    } catch {
      return answer(401);
    }
    const failure = failures.shift();
    if (failure && !failure.afterRecording) return answer(failure.status, failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});
    if (!seen.has(verified.id)) {
      seen.add(verified.id);
      accepted.push({ id: verified.id, event: JSON.parse(body) });
    }
    if (failure) return answer(failure.status, failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});
    answer(204);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks/commune`,
    requests,
    accepted,
    failNext(count, failure) {
      for (let i = 0; i < count; i++) failures.push({ afterRecording: false, ...failure });
    },
    gone() {
      isGone = true;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
