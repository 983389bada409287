import type { Core } from '@strapi/strapi';

// Strapi's webhookRunner posts the whole entry with every entry.* event: the text of a draft,
// of a sighting, of an editor's note. The rebuild webhook may point at a build hook outside
// the commune (WEBHOOK_URL, README), and the worker reads only which document changed and
// whether it is published (scripts/rebuild/intake/webhook-payload.ts). So every webhook this
// CMS sends carries the entry's identity only, and, in a province, which communes' portals it
// belongs on (its tenancy fields, content-types tenancy.ts), for the build intake to route it.
const IDENTITY = ['id', 'documentId', 'locale', 'publishedAt', 'commune', 'provinceWide', 'addressedTo'] as const;
const REDACTED = Symbol.for('thanh-thuy.webhook-entries-redacted');

type Info = { entry?: Record<string, unknown> } & Record<string, unknown>;
interface RunnerWithRun {
  run(webhook: unknown, event: string, info?: Info): Promise<unknown>;
  [REDACTED]?: true;
}

export function identityOnly(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(IDENTITY.filter((key) => key in entry).map((key) => [key, entry[key]]));
}

/** Wraps the runner once, so that entry events leave the CMS without the entry's content. */
export function redactWebhookEntries(strapi: Core.Strapi): void {
  const runner = strapi.get('webhookRunner') as RunnerWithRun;
  if (runner[REDACTED]) return;
  const run = runner.run.bind(runner);
  runner.run = (webhook, event, info = {}) =>
    run(webhook, event, event.startsWith('entry.') && info.entry ? { ...info, entry: identityOnly(info.entry) } : info);
  runner[REDACTED] = true;
}
