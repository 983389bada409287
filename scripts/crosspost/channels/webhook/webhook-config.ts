import { z } from 'zod';
import { webhookSecretSchema } from './webhook-secret.ts';

const configSchema = z.object({
  CROSSPOST_WEBHOOK_URL: z.string().url().refine((url) => /^https?:$/.test(new URL(url).protocol), { message: 'must be an http(s) URL' }),
  CROSSPOST_WEBHOOK_SECRET: webhookSecretSchema,
});

export interface WebhookConfig {
  url: string;
  secret: string;
}

/**
 * The webhook channel's settings, or undefined when neither variable is set (outbox mode).
 * One without the other, or a malformed value, is a configuration mistake worth stopping for;
 * the message names the variable, never its value (the secret must not reach a log).
 */
export function loadWebhookConfig(env: Record<string, string | undefined>): WebhookConfig | undefined {
  const url = env.CROSSPOST_WEBHOOK_URL || undefined;
  const secret = env.CROSSPOST_WEBHOOK_SECRET || undefined;
  if (url === undefined && secret === undefined) return undefined;
  const parsed = configSchema.safeParse({ CROSSPOST_WEBHOOK_URL: url, CROSSPOST_WEBHOOK_SECRET: secret });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid cross-posting webhook configuration: ${issue.path.join('.')} ${issue.code === 'invalid_type' ? 'is missing' : issue.message}`);
  }
  return { url: parsed.data.CROSSPOST_WEBHOOK_URL, secret: parsed.data.CROSSPOST_WEBHOOK_SECRET };
}

