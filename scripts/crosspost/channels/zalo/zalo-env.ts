import { z } from 'zod';

const optionalText = z
  .string()
  .transform((text) => text.trim())
  .optional()
  .transform((text) => (text ? text : undefined));

const zaloEnvSchema = z.object({
  ZALO_OA_ACCESS_TOKEN: optionalText,
  ZALO_OA_REFRESH_TOKEN: optionalText,
  ZALO_APP_ID: optionalText,
  ZALO_APP_SECRET: optionalText,
  ZALO_OPENAPI_URL: z.string().url().default('https://openapi.zalo.me'),
  ZALO_OAUTH_URL: z.string().url().default('https://oauth.zaloapp.com'),
  ZALO_ARTICLE_AUTHOR: z.string().trim().min(1).max(50).default('UBND xã Thanh Thủy'),
  // Where the remote copy points when Zalo's article detail gives no public link of its own.
  ZALO_OA_PAGE_URL: z.string().url().optional(),
  // Announce each new article to the OA's followers, once (a broadcast spends Zalo's quota).
  ZALO_BROADCAST: z
    .enum(['true', 'false', ''], { message: 'must be true or false' })
    .optional()
    .transform((value) => value === 'true'),
});

export interface ZaloEnv {
  accessToken?: string;
  refresh?: { refreshToken: string; appId: string; appSecret: string };
  openApiUrl: string;
  oauthUrl: string;
  author: string;
  oaPageUrl?: string;
  broadcast: boolean;
}

/**
 * Reads the Zalo OA settings. Undefined when there is neither an access token nor what a refresh
 * needs (refresh token, app id, app secret): the runner then keeps Zalo in outbox mode.
 */
export function loadZaloEnv(env: Record<string, string | undefined>): ZaloEnv | undefined {
  const parsed = zaloEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // The value itself is never echoed: it may be a secret.
    throw new Error(`Invalid Zalo OA configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  const e = parsed.data;
  const refresh =
    e.ZALO_OA_REFRESH_TOKEN && e.ZALO_APP_ID && e.ZALO_APP_SECRET
      ? { refreshToken: e.ZALO_OA_REFRESH_TOKEN, appId: e.ZALO_APP_ID, appSecret: e.ZALO_APP_SECRET }
      : undefined;
  if (!e.ZALO_OA_ACCESS_TOKEN && !refresh) return undefined;
  return {
    accessToken: e.ZALO_OA_ACCESS_TOKEN,
    refresh,
    openApiUrl: e.ZALO_OPENAPI_URL.replace(/\/+$/, ''),
    oauthUrl: e.ZALO_OAUTH_URL.replace(/\/+$/, ''),
    author: e.ZALO_ARTICLE_AUTHOR,
    oaPageUrl: e.ZALO_OA_PAGE_URL,
    broadcast: e.ZALO_BROADCAST,
  };
}
