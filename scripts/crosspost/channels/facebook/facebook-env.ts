import { z } from 'zod';

/** The Graph API version this client was written against (FACTS.md: v26.0 current mid-2026). */
export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com/v26.0';

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const facebookEnvSchema = z.object({
  FACEBOOK_PAGE_ID: optional.refine((value) => value === undefined || /^\d+$/.test(value), {
    message: 'FACEBOOK_PAGE_ID must be the numeric id of the page (Page settings → Page transparency)',
  }),
  FACEBOOK_PAGE_ACCESS_TOKEN: optional,
  FACEBOOK_GRAPH_URL: z
    .string()
    .trim()
    .url('FACEBOOK_GRAPH_URL must be an absolute URL such as https://graph.facebook.com/v26.0')
    .transform((value) => value.replace(/\/+$/, ''))
    .default(DEFAULT_GRAPH_URL),
  FACEBOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
});

export interface FacebookConfig {
  pageId: string;
  token: string;
  graphUrl: string;
  timeoutMs: number;
}

/**
 * The Facebook channel's settings, or undefined when the page id or the token is absent (the
 * runner then keeps an outbox for Facebook). Throws a sentence naming the variable otherwise.
 */
export function readFacebookEnv(env: Record<string, string | undefined>): FacebookConfig | undefined {
  const parsed = facebookEnvSchema.safeParse({
    ...env,
    FACEBOOK_GRAPH_URL: env.FACEBOOK_GRAPH_URL?.trim() ? env.FACEBOOK_GRAPH_URL : undefined,
    FACEBOOK_TIMEOUT_MS: env.FACEBOOK_TIMEOUT_MS?.trim() ? env.FACEBOOK_TIMEOUT_MS : undefined,
  });
  if (!parsed.success) {
    // The token is never echoed: zod issues carry messages and paths, not received values.
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid Facebook cross-posting settings: ${issue.path.join('.')}: ${issue.message}`);
  }
  const { FACEBOOK_PAGE_ID: pageId, FACEBOOK_PAGE_ACCESS_TOKEN: token, FACEBOOK_GRAPH_URL: graphUrl, FACEBOOK_TIMEOUT_MS: timeoutMs } = parsed.data;
  if (!pageId || !token) return undefined;
  return { pageId, token, graphUrl, timeoutMs };
}
