import { z } from 'zod';

const CREDENTIALS = ['YOUTUBE_CLIENT_ID', 'YOUTUBE_CLIENT_SECRET', 'YOUTUBE_REFRESH_TOKEN'] as const;

const configSchema = z.object({
  YOUTUBE_CLIENT_ID: z.string().min(1),
  YOUTUBE_CLIENT_SECRET: z.string().min(1),
  YOUTUBE_REFRESH_TOKEN: z.string().min(1),
  YOUTUBE_API_URL: z.string().url().default('https://www.googleapis.com'),
  YOUTUBE_OAUTH_URL: z.string().url().default('https://oauth2.googleapis.com'),
  // Projects created after 28 Jul 2020 upload private until Google audits them, whatever we
  // ask; private is also the safe default for a commune that has not reviewed its channel.
  YOUTUBE_PRIVACY: z.enum(['private', 'unlisted', 'public']).default('private'),
});

export type YoutubeConfig = z.infer<typeof configSchema>;

/**
 * The YouTube channel's settings, or undefined when none of the three credentials is set
 * (outbox mode). Some but not all, or a bad value, is a mistake worth stopping for; the
 * message names the variable, never its value.
 */
export function loadYoutubeConfig(env: Record<string, string | undefined>): YoutubeConfig | undefined {
  const present = (name: string) => Boolean(env[name]);
  if (!CREDENTIALS.some(present)) return undefined;
  const missing = CREDENTIALS.filter((name) => !present(name));
  if (missing.length > 0) throw new Error(`Invalid YouTube configuration: ${missing.join(', ')} missing (set all three or none)`);
  const values = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith('YOUTUBE_') && value));
  const parsed = configSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid YouTube configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
