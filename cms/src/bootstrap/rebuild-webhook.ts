import type { Core } from '@strapi/strapi';
import { SHARED_POST_EVENT, registerSharedPostEvent } from '../crosspost/announce-shared-post';
import { redactWebhookEntries } from './redact-webhook-entries';

export const REBUILD_WEBHOOK_NAME = 'Dựng lại cổng thông tin';

// Everything that can change the public site. The worker (scripts/rebuild) decides which
// of them really do (a draft being edited does not); the CMS just reports them all.
const WANTED_EVENTS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
  'media.create',
  'media.update',
  'media.delete',
  // A social post's public link appeared or changed: the piece's "Đã chia sẻ trên" line.
  SHARED_POST_EVENT,
];

interface Webhook {
  id: string;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

interface WebhookStore {
  allowedEvents: Map<string, string>;
  findWebhooks(): Promise<Webhook[]>;
  createWebhook(data: Omit<Webhook, 'id'>): Promise<Webhook>;
  updateWebhook(id: string, data: Omit<Webhook, 'id'>): Promise<Webhook | null>;
}

interface WebhookRunner {
  add(webhook: Webhook): void;
  update(webhook: Webhook): void;
}

/** WEBHOOK_URL, or the local worker on WORKER_PORT; refuses anything that is not http(s). */
export function rebuildWebhookUrl(env: NodeJS.ProcessEnv): string {
  const port = env.WORKER_PORT || '4322';
  const raw = env.WEBHOOK_URL || `http://127.0.0.1:${port}/webhook`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new Error(`WEBHOOK_URL is not a URL: "${raw}"`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`WEBHOOK_URL must be http(s), got "${raw}"`);
  return url.toString();
}

/**
 * Points the CMS's webhook at the rebuild worker (or an external CI build hook), creating or
 * updating the row by name. Webhooks are database rows that Strapi loads into its
 * webhookRunner before `bootstrap` runs, so a row written here must also be handed to the
 * running webhookRunner, or it would only fire after the next restart. Payloads carry no
 * signature: the bearer secret header is the only proof the worker gets.
 */
export async function ensureRebuildWebhook(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  registerSharedPostEvent(strapi);
  redactWebhookEntries(strapi);
  if (env.WEBHOOK_URL === 'off') return;
  const secret = env.WEBHOOK_SECRET;
  if (!secret || secret.length < 16) {
    strapi.log.warn('WEBHOOK_SECRET is not set (or shorter than 16 characters): the portal is not rebuilt on publish. Run `npm start` to generate it.');
    return;
  }
  const store = strapi.get('webhookStore') as WebhookStore;
  const runner = strapi.get('webhookRunner') as WebhookRunner;
  // media.* exist only while the upload plugin is loaded; asking for an unknown event is a validation error.
  const allowed = new Set(store.allowedEvents.values());
  const events = WANTED_EVENTS.filter((event) => allowed.has(event));
  const url = rebuildWebhookUrl(env);
  const headers = { Authorization: `Bearer ${secret}` };

  const existing = (await store.findWebhooks()).find((w) => w.name === REBUILD_WEBHOOK_NAME);
  if (!existing) {
    const created = await store.createWebhook({ name: REBUILD_WEBHOOK_NAME, url, headers, events, isEnabled: true });
    runner.add(created);
    strapi.log.info(`Rebuild webhook created: ${events.length} events to ${url}`);
    return;
  }
  const same =
    existing.url === url &&
    existing.headers?.Authorization === headers.Authorization &&
    Object.keys(existing.headers ?? {}).length === 1 &&
    [...existing.events].sort().join() === [...events].sort().join();
  if (!same) {
    // An administrator may pause the webhook in the admin panel: that choice is kept.
    const updated = await store.updateWebhook(existing.id, { name: REBUILD_WEBHOOK_NAME, url, headers, events, isEnabled: existing.isEnabled });
    if (updated) runner.update(updated);
    strapi.log.info(`Rebuild webhook updated: ${events.length} events to ${url}`);
  }
  if (!existing.isEnabled) strapi.log.warn(`The rebuild webhook "${REBUILD_WEBHOOK_NAME}" is disabled in the admin panel: publishing does not update the portal.`);
}
