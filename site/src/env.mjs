// @ts-check
import { z } from 'astro/zod';

// The build's inputs, validated once (plain JS: scripts/build.mjs reads it too). The rebuild
// worker and `npm start` set these.
const siteEnvSchema = z.object({
  CMS_URL: z.string().url('CMS_URL must be the CMS base URL, e.g. http://127.0.0.1:1337'),
  SITE_API_TOKEN: z.string().min(1, 'SITE_API_TOKEN (the read-only API token) is not set'),
  SITE_URL: z.string().url('SITE_URL must be the absolute public URL of the portal, e.g. http://localhost:4321'),
  /**
   * Where the CMS's media are read (content-types media-origin.ts): the CMS itself by default,
   * or the media bucket's public address when the CMS keeps them in an object store.
   */
  MEDIA_URL: z.string().url('MEDIA_URL must be the address the CMS media are read at, e.g. http://127.0.0.1:9000/media').optional(),
  SITE_OUT_DIR: z.string().min(1).optional(),
  SITE_CACHE_DIR: z.string().min(1).optional(),
  /** File that receives the entries the build left out as invalid, as JSON (see README). */
  SITE_SKIPPED_REPORT: z.string().min(1).optional(),
  /**
   * The commune whose portal this is, when one installation serves a province (README
   * "Running a province"): only its pieces and the province-wide ones addressed to it.
   */
  SITE_COMMUNE: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'SITE_COMMUNE must be a commune slug, e.g. thanh-thuy').optional(),
});

/** @typedef {z.infer<typeof siteEnvSchema>} SiteEnv */

/**
 * @param {Record<string, string | undefined>} [env]
 * @returns {SiteEnv}
 */
export function loadSiteEnv(env = process.env) {
  const result = siteEnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const message = issue.message === 'Required' ? `${issue.path.join('.')} is not set` : issue.message;
    throw new Error(`Invalid build environment: ${message}`);
  }
  const trim = (/** @type {string} */ url) => url.replace(/\/+$/, '');
  return { ...result.data, CMS_URL: trim(result.data.CMS_URL), SITE_URL: trim(result.data.SITE_URL), MEDIA_URL: trim(result.data.MEDIA_URL ?? result.data.CMS_URL) };
}
