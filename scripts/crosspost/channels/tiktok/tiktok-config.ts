import { z } from 'zod';

const configSchema = z.object({
  TIKTOK_ACCESS_TOKEN: z.string().min(1),
  TIKTOK_REFRESH_TOKEN: z.string().min(1).optional(),
  TIKTOK_CLIENT_KEY: z.string().min(1).optional(),
  TIKTOK_CLIENT_SECRET: z.string().min(1).optional(),
  TIKTOK_API_URL: z.string().url().default('https://open.tiktokapis.com'),
  // Unaudited apps may post only SELF_ONLY (to private accounts); an audited one may choose.
  TIKTOK_PRIVACY: z.enum(['SELF_ONLY', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'PUBLIC_TO_EVERYONE']).default('SELF_ONLY'),
});

export type TiktokConfig = z.infer<typeof configSchema>;

/**
 * The TikTok channel's settings, or undefined without TIKTOK_ACCESS_TOKEN (outbox mode). The
 * refresh token, client key and secret come together or not at all: without them an expired
 * access token stops the job for a person. Messages name variables, never values.
 */
export function loadTiktokConfig(env: Record<string, string | undefined>): TiktokConfig | undefined {
  if (!env.TIKTOK_ACCESS_TOKEN) return undefined;
  const refresh = ['TIKTOK_REFRESH_TOKEN', 'TIKTOK_CLIENT_KEY', 'TIKTOK_CLIENT_SECRET'];
  const missing = refresh.filter((name) => !env[name]);
  if (missing.length > 0 && missing.length < refresh.length) {
    throw new Error(`Invalid TikTok configuration: ${missing.join(', ')} missing (set all three to refresh the access token, or none)`);
  }
  const values = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith('TIKTOK_') && value));
  const parsed = configSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid TikTok configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
