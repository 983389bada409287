import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

// An allow-list: anything not named here (script, style, iframe, form, svg, event handlers,
// style attributes) is dropped, and links may only use web, mail and phone schemes.
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i',
    'del', 's', 'sup', 'sub', 'code', 'pre', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
    th: ['align', 'scope'],
    td: ['align'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template'],
};

/**
 * The portal-local path of an image the CMS serves (/uploads/x.jpg), whether the editor's
 * Markdown holds it relative or absolute (the admin's editor inserts the CMS origin it was
 * opened on, which may be localhost where the build uses 127.0.0.1). Other images stay as
 * they are. site/scripts/copy-cms-uploads.mjs copies the files into the build.
 */
export function portalImageSrc(src: string, mediaBase: string): string {
  if (src.startsWith('/uploads/')) return src;
  try {
    const url = new URL(src);
    const media = new URL(mediaBase);
    const local = (host: string) => (host === 'localhost' || host === '127.0.0.1' || host === '[::1]' ? 'loopback' : host);
    // The base may carry a path: a bucket's address (http://store/media) holds uploads/ below it.
    const uploads = `${media.pathname.replace(/\/+$/, '')}/uploads/`;
    if (url.pathname.startsWith(uploads) && url.port === media.port && local(url.hostname) === local(media.hostname)) return `/uploads/${url.pathname.slice(uploads.length)}`;
  } catch {
    // not an absolute URL: left to the sanitiser's scheme rules
  }
  return src;
}

export interface RenderOptions {
  /** Base for media paths the CMS returns relative (/uploads/x.jpg). */
  mediaBase: string;
}

/** Markdown from an editor to HTML safe to inline in a page and a feed. */
export function renderMarkdown(markdown: string, options: RenderOptions): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, {
    ...SANITIZE,
    transformTags: {
      // The page title is the only h1.
      h1: 'h2',
      img: (tagName, attribs) => ({
        tagName,
        attribs: {
          ...attribs,
          src: portalImageSrc(attribs.src ?? '', options.mediaBase),
          alt: attribs.alt ?? '',
          loading: 'lazy',
          decoding: 'async',
        },
      }),
      a: (tagName, attribs) => ({
        tagName,
        attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener' } : attribs,
      }),
    },
  });
}

/** Rough plain text of sanitised HTML, for collecting search words (never shown to anyone). */
export function htmlToText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&[a-z0-9#]+;/gi, ' ').replace(/\s+/g, ' ').trim();
}
