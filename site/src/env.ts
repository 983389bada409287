import { z } from 'astro/zod';

// The build's inputs, validated once. The rebuild worker and `npm start` set these.
const siteEnvSchema = z.object({
  CMS_URL: z.string().url('CMS_URL must be the CMS base URL, e.g. http://127.0.0.1:1337'),
  SITE_API_TOKEN: z.string().min(1, 'SITE_API_TOKEN (the read-only API token) is not set'),
  SITE_URL: z.string().url('SITE_URL must be the absolute public URL of the portal, e.g. http://localhost:4321'),
  SITE_OUT_DIR: z.string().optional(),
  SITE_CACHE_DIR: z.string().optional(),
});

export type SiteEnv = z.infer<typeof siteEnvSchema>;

export function loadSiteEnv(env: Record<string, string | undefined> = process.env): SiteEnv {
  const result = siteEnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid build environment: ${issue.path.join('.')}: ${issue.message}`);
  }
  return { ...result.data, CMS_URL: result.data.CMS_URL.replace(/\/+$/, ''), SITE_URL: result.data.SITE_URL.replace(/\/+$/, '') };
}
