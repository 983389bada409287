import type { SSRManifest } from 'astro';
import { App } from 'astro/app';
import { searchShards, shardOf, shardPages, shardPath } from '../lib/search-shards';
import { useSiteData, type SiteData } from '../lib/site-data';
import { loadPreviewData } from '../loaders/load-preview';
import { emptyLoadCache, loadSiteData } from '../loaders/load-site-data';
import { siteData } from '../lib/site-data';
import { sitePages, withdrawnUrls } from './site-pages';
import { usePortalSite } from '../lib/portal-site';

/**
 * What the server bundle offers scripts/render-site.mjs (the adapter's one export): load the
 * CMS's data, list every page with the digest of what it reads, render one page. A full
 * build and an incremental one both render through `render`, so they cannot drift.
 */
export function createExports(manifest: SSRManifest) {
  const app = new App(manifest);
  const renderer = {
    // `searchable`: withdrawn pieces keep their page but leave the index (of the data last loaded).
    search: { searchShards, shardOf, shardPath, shardPages, searchable: (url: string) => !withdrawnUrls(siteData()).has(url) },
    emptyLoadCache,
    loadSiteData,
    // One draft as the one piece, for the portal's preview route (issue 10).
    loadPreviewData,
    async pages(data: SiteData): Promise<ReadonlyMap<string, string>> {
      useSiteData(data);
      return sitePages(data);
    },
    /** `siteUrl`: the portal's public address (SITE_URL), of any commune: the bundle bakes in none. */
    async render(data: SiteData, url: URL, siteUrl: string): Promise<Response> {
      useSiteData(data);
      usePortalSite(siteUrl);
      return app.render(new Request(url), { addCookieHeader: false });
    },
  };
  return { renderer };
}

export type Renderer = ReturnType<typeof createExports>['renderer'];
