import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { affectsSite, type SiteChange } from './affects-site.ts';
import { readBody } from './read-body.ts';
import { RequestBodyError } from './request-body-error.ts';
import { hasBearerSecret } from './verify-webhook.ts';
import { parseWebhookPayload, type WebhookEvent } from './webhook-payload.ts';

export interface WorkerServerOptions {
  secret: string;
  /**
   * Called for each event that changes the public site; the answer waits for it. When it
   * fails, the CMS is told 503 with the reason (nothing was queued).
   */
  onChange: (change: SiteChange, event: WebhookEvent) => void | Promise<void>;
  /** Called for a well-formed, authorised event that does not change it (a draft edit…). */
  onIgnored?: (reason: string) => void;
  status: () => Promise<unknown>;
  log: (line: string) => void;
}

const MAX_BODY = 1024 * 1024;

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(text);
}

/**
 * POST /webhook receives Strapi's events; GET /status tells what the worker is doing.
 * A request without the bearer secret gets 401 and a malformed one 400, before anything
 * else happens: neither is logged, queued or built.
 */
export function createWorkerServer(options: WorkerServerOptions): Server {
  async function webhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hasBearerSecret(req.headers.authorization, options.secret)) {
      req.resume();
      return json(res, 401, { error: 'Missing or wrong bearer secret' }, { 'WWW-Authenticate': 'Bearer realm="rebuild-webhook"' });
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, MAX_BODY));
    } catch (error) {
      if (error instanceof RequestBodyError) return json(res, error.status, { error: error.message });
      return json(res, 400, { error: `Invalid JSON: ${(error as Error).message}` });
    }
    const parsed = parseWebhookPayload(body);
    if (!parsed.ok) return json(res, 400, { error: parsed.message });
    const decision = affectsSite(parsed.event);
    if (!decision.affects) {
      options.onIgnored?.(decision.reason);
      return json(res, 200, { queued: false, reason: decision.reason });
    }
    try {
      await options.onChange(decision.change, parsed.event);
    } catch (error) {
      options.log(`Worker: queueing ${decision.change.key} failed: ${(error as Error).message}`);
      return json(res, 503, { error: `Could not queue ${decision.change.key}: ${(error as Error).message}` });
    }
    return json(res, 202, { queued: true, key: decision.change.key });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://worker.invalid');
    if (pathname === '/webhook') {
      if (req.method !== 'POST') return json(res, 405, { error: 'Use POST' }, { Allow: 'POST' });
      return webhook(req, res);
    }
    if (pathname === '/status') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'Use GET' }, { Allow: 'GET, HEAD' });
      return json(res, 200, await options.status());
    }
    return json(res, 404, { error: `No ${pathname} here: POST /webhook or GET /status` });
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      options.log(`Worker: ${req.method} ${req.url} failed: ${error.message}`);
      if (!res.headersSent) json(res, 500, { error: error.message });
      else res.end();
    });
  });
}
