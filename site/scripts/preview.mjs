// "Xem trước" (issue 10): one draft rendered by the portal's own templates, through the same
// server bundle and renderer as every release (render-site.mjs), but never written into one:
// the page goes straight to the person who opened the signed link. Its images are made the way
// a release's are and kept under <cache>/preview/, served at /xem-truoc/_astro/ (a new cover
// exists in no release yet).
import { join, resolve } from 'node:path';
import { contentKinds } from '@thanh-thuy/content-types';
import { loadSiteEnv } from '../src/env.mjs';
import { openRenderer, serverBundle, SITE_DIR } from './render-site.mjs';
import { collectStaticImages, generateImages } from './static-images.mjs';

const IMAGE = /\/_astro\/[^"'\s<>),?&]+\.(?:webp|jpe?g|png|avif|gif)/g;
const sectionOf = (kind) => contentKinds.find((k) => k.key === kind)?.section;

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The banner every preview carries, and the robots rule, put into the rendered page. */
function marked(html, expiresAt) {
  const until = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' }).format(expiresAt);
  const banner =
    '<div class="preview-banner" role="status" data-pagefind-ignore="all">' +
    '<strong>Bản xem trước</strong> — bản nháp chưa đăng, người dân chưa thấy trang này. ' +
    `Liên kết hết hạn lúc ${escape(until)}.</div>`;
  return html
    .replace(/<meta name="robots"[^>]*>/g, '')
    .replace(/<head>/, '<head><meta name="robots" content="noindex, nofollow">')
    .replace(/(<body[^>]*>)/, `$1${banner}`);
}

/**
 * @param {{ env: Record<string, string | undefined> }} options CMS_URL, SITE_API_TOKEN, SITE_URL, SITE_CACHE_DIR as the worker's builds get them
 */
export function createPreviewRenderer({ env: rawEnv }) {
  const env = loadSiteEnv(rawEnv);
  const cacheDir = resolve(SITE_DIR, env.SITE_CACHE_DIR ?? 'node_modules/.astro');
  const previewDir = join(cacheDir, 'preview');
  const cms = { url: env.CMS_URL, mediaUrl: env.MEDIA_URL, token: env.SITE_API_TOKEN, commune: env.SITE_COMMUNE };
  const images = collectStaticImages();
  let opened = null;

  async function renderer() {
    const bundle = await serverBundle(rawEnv, cacheDir);
    if (opened?.dir !== bundle.dir) opened = { dir: bundle.dir, renderer: await openRenderer(bundle.dir) };
    return opened.renderer;
  }

  return {
    previewDir,
    /**
     * The page of draft `documentId` of `kind`, for the signature `exp`/`sig` (checked again by
     * the CMS, which alone hands out the draft).
     * @returns {Promise<{ status: number; message?: string; html?: string }>}
     */
    async render({ kind, documentId, exp, sig }) {
      const query = new URLSearchParams({ exp, sig });
      const res = await fetch(`${cms.url}/preview-draft/${encodeURIComponent(kind)}/${encodeURIComponent(documentId)}?${query}`);
      if (!res.ok) {
        const body = await res.json().catch(() => null);
        return { status: res.status === 404 ? 404 : 403, message: body?.error?.message ?? 'Không lấy được bản nháp từ CMS.' };
      }
      const entry = (await res.json()).data;
      const site = await renderer();
      const preview = await site.loadPreviewData(cms, kind, entry);
      if (!preview.ok) return { status: 422, message: `Bản nháp chưa đủ để xem trước: ${preview.message}` };
      const page = await site.render(preview.data, new URL(`/${sectionOf(kind)}/${preview.piece.slug}/`, env.SITE_URL), env.SITE_URL);
      if (page.status !== 200) return { status: 500, message: `Không dựng được trang xem trước (mã ${page.status}).` };
      let html = await page.text();
      const wanted = new Set([...html.matchAll(IMAGE)].map((m) => decodeURI(m[0])));
      await generateImages(images.take(), wanted, previewDir, join(cacheDir, 'assets'));
      html = html.replace(IMAGE, (path) => `/xem-truoc${path}`);
      return { status: 200, html: marked(html, new Date(Number(exp) * 1000)) };
    },
  };
}
