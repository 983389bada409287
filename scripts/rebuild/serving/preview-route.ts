import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { PREVIEW_PATH, checkPreviewSignature, contentKinds } from '@thanh-thuy/content-types';
import type { PreviewRenderer } from '../../../site/scripts/preview.mjs';
import { contentSecurityPolicy } from './response-headers.ts';

/** Answers the portal's preview requests (`/xem-truoc/…`); false when the path is not one. */
export type PreviewHandler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

const PAGE = new RegExp(`^${PREVIEW_PATH}/([a-z-]+)/([a-z0-9]{1,100})/$`, 'i');
const IMAGE = new RegExp(`^${PREVIEW_PATH}/_astro/([A-Za-z0-9._-]+\\.(?:webp|jpe?g|png|avif|gif))$`);
const kinds = new Set<string>(contentKinds.map((k) => k.key));
const originOf = (url: string | undefined) => (url && URL.canParse(url) ? new URL(url).origin : null);

function page(title: string, message: string): string {
  const text = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text(title)}</title></head><body><main><h1>${text(title)}</h1><p>${text(message)}</p><p>Hãy mở lại «Xem trước» từ trang sửa bài trong CMS.</p></main></body></html>`;
}

/**
 * The preview route of the portal server (issue 10). A preview is never cached, never indexed,
 * and may be framed only by the CMS (Strapi's admin shows it in an iframe). The signature is
 * checked here first, so a forged or expired link never reaches the CMS, and again by the CMS,
 * which alone hands out the draft.
 */
export function createPreviewHandler(options: { renderer: PreviewRenderer; secret: string; base: Record<string, string>; cmsOrigins: Array<string | undefined> }): PreviewHandler {
  const { renderer, secret, base } = options;
  const framers = [...new Set(options.cmsOrigins.map(originOf).filter((o): o is string => o !== null))];
  const { 'X-Frame-Options': _deny, ...withoutFrameDeny } = base;
  const policy = contentSecurityPolicy()
    .replace("img-src 'self' data:", `img-src 'self' data: ${framers.join(' ')}`.trim())
    .replace("frame-ancestors 'none'", `frame-ancestors 'self' ${framers.join(' ')}`.trim());
  const headers = (type: string) => ({
    ...withoutFrameDeny,
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex, nofollow',
    'Content-Security-Policy': policy,
  });
  function send(req: IncomingMessage, res: ServerResponse, status: number, body: string): void {
    res.writeHead(status, headers('text/html; charset=utf-8'));
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return async (req, res, path) => {
    if (!path.startsWith(`${PREVIEW_PATH}/`)) return false;
    const image = IMAGE.exec(path);
    if (image) {
      const file = join(renderer.previewDir, '_astro', image[1]);
      const found = await stat(file).catch(() => null);
      if (!found?.isFile()) {
        send(req, res, 404, page('Không tìm thấy ảnh', 'Ảnh của bản xem trước không còn.'));
        return true;
      }
      res.writeHead(200, { ...headers(`image/${image[1].split('.').pop()!.replace('jpg', 'jpeg')}`), 'Content-Length': String(found.size) });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
      return true;
    }
    const match = PAGE.exec(path);
    const query = new URL(req.url ?? '/', 'http://portal').searchParams;
    const exp = query.get('exp') ?? '';
    const sig = query.get('sig') ?? '';
    if (!match || !kinds.has(match[1])) {
      send(req, res, 404, page('Không tìm thấy bản xem trước', 'Địa chỉ xem trước không đúng.'));
      return true;
    }
    const check = checkPreviewSignature(secret, match[1], match[2], exp, sig);
    if (!check.ok) {
      send(req, res, 403, page('Liên kết xem trước không hợp lệ hoặc đã hết hạn', check.reason === 'expired' ? 'Liên kết này đã hết hạn.' : 'Liên kết này không đúng.'));
      return true;
    }
    const result = await renderer.render({ kind: match[1], documentId: match[2], exp, sig });
    if (result.status === 200 && result.html) send(req, res, 200, result.html);
    else send(req, res, result.status, page('Không xem trước được', result.message ?? 'Không xem trước được bản nháp này.'));
    return true;
  };
}
