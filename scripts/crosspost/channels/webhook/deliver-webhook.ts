import { PermanentChannelError, TransientChannelError } from '../channel-errors.ts';
import { webhookHeaders } from './sign-webhook.ts';
import { printableUrl } from './printable-url.ts';
import type { WebhookConfig } from './webhook-config.ts';
import type { WebhookEvent } from './webhook-event.ts';
import { retryAfterMs } from './retry-after.ts';

export interface WebhookDeps {
  fetch?: typeof fetch;
  /** Clock in ms, for the webhook-timestamp header and event times. */
  now?: () => number;
  /** A new webhook-id (the receiver's idempotency key). */
  newId?: () => string;
  /** How long one attempt may take before it counts as a network failure. */
  timeoutMs?: number;
}

// 408 and 425 say "too early / too slow, try again"; 429 is the rate limit. Every other 4xx is
// the receiver refusing this request as it is (bad URL, signature refused): resending the same
// bytes cannot help until a person changes something, so it stops and shows the status.
const TRANSIENT_4XX = new Set([408, 425, 429]);

/**
 * POSTs one signed event. The id is the caller's (saved before this call, the same on every
 * retry); the timestamp header is this attempt's, since receivers refuse stale ones. Resolves
 * on 2xx, throws TransientChannelError or PermanentChannelError otherwise. Never throws
 * UnknownOutcomeError: the receiver dedupes on webhook-id, so an unknown outcome is safely
 * resolved by sending again.
 */
export async function deliverWebhook(config: WebhookConfig, id: string, event: WebhookEvent, deps: WebhookDeps = {}): Promise<void> {
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const where = printableUrl(config.url);
  const body = JSON.stringify(event);
  let response: Response;
  try {
    response = await doFetch(config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...webhookHeaders(config.secret, id, Math.floor(now() / 1000), body) },
      body,
      // The convention advises senders not to follow redirects: a moved endpoint is a
      // configuration change, not something to chase with signed payloads.
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
    });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new TransientChannelError(`Webhook ${event.type} ${id} to ${where} failed: ${reason}`, undefined, { cause: error });
  }
  // The body is not used; drain it so the connection can be reused.
  await response.arrayBuffer().catch(() => undefined);
  const status = response.status;
  if (status >= 200 && status < 300) return;
  const what = `Webhook ${event.type} ${id} to ${where} answered HTTP ${status}`;
  if (status >= 500 || TRANSIENT_4XX.has(status)) {
    throw new TransientChannelError(what, retryAfterMs(response.headers.get('retry-after'), now()));
  }
  if (status === 410) {
    throw new PermanentChannelError(
      `${what}: the receiver no longer wants events`,
      `Nơi nhận webhook (${where}) đã báo không muốn nhận tin nữa (HTTP 410). Hãy hỏi đơn vị quản lý nơi nhận, rồi sửa hoặc bỏ CROSSPOST_WEBHOOK_URL.`,
    );
  }
  if (status >= 300 && status < 400) {
    throw new PermanentChannelError(
      `${what}: redirects are not followed`,
      `Địa chỉ nhận webhook (${where}) đã chuyển sang nơi khác (HTTP ${status}). Hãy cập nhật CROSSPOST_WEBHOOK_URL theo địa chỉ mới.`,
    );
  }
  throw new PermanentChannelError(
    what,
    `Nơi nhận webhook (${where}) từ chối tin (HTTP ${status}), có thể do sai khóa bí mật hoặc sai địa chỉ. Hãy kiểm tra cấu hình với đơn vị quản lý nơi nhận, rồi bấm thử lại.`,
  );
}
