import { portalSite } from '../lib/portal-site';
import { absoluteUrl } from '../lib/absolute-url';
import type { APIRoute } from 'astro';

// What @astrojs/sitemap wrote when the portal was a static build: one index, one sitemap.
export const GET: APIRoute = () =>
  new Response(
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${absoluteUrl('/sitemap-0.xml', portalSite())}</loc></sitemap></sitemapindex>`,
    { headers: { 'content-type': 'application/xml' } },
  );
