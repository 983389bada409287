import { portalSite } from '../lib/portal-site';
import { absoluteUrl } from '../lib/absolute-url';
import type { APIRoute } from 'astro';
import { escapeHtml } from '../lib/escape-html';
import { siteData } from '../lib/site-data';
import { sitemapUrls, sitePages, withdrawnUrls } from '../render/site-pages';

// Every HTML page but the 404 page and withdrawn pieces, as @astrojs/sitemap wrote it for the static build, from the same list of pages the renderer writes
// (@astrojs/sitemap lists only prerendered routes, and the portal renders from a server build).
export const GET: APIRoute = async () => {
  const urls = sitemapUrls([...(await sitePages()).keys()], withdrawnUrls(siteData()));
  const body = urls.map((url) => `<url><loc>${escapeHtml(absoluteUrl(url, portalSite()))}</loc></url>`).join('');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">${body}</urlset>`, {
    headers: { 'content-type': 'application/xml' },
  });
};
