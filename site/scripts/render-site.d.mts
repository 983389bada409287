// Types of what tests import from render-site.mjs.

export class RenderError extends Error {}

/** Hard links of every file of `from` in `to` (which must not exist); false when `signal` stopped it. */
export function linkTree(from: string, to: string, signal?: AbortSignal): Promise<boolean>;

/** The server bundle of this version of the site's code, built when missing. */
export function serverBundle(env: { CMS_URL: string; MEDIA_URL?: string }, cacheDir: string): Promise<{ dir: string; version: string; built: boolean }>;

/** The renderer a server bundle exports (src/render/server-entry.ts), as far as tests use it. */
export function openRenderer(bundleDir: string): Promise<{
  emptyLoadCache: () => unknown;
  loadSiteData: (
    cms: { url: string; token: string; mediaUrl?: string; commune?: string },
    previous?: unknown,
    changes?: null,
  ) => Promise<{ cache: { entries: Map<string, unknown>; commune: unknown } }>;
}>;
