// A province may serve a commune's portal under a path of its own domain (PROVINCE_ROUTING=path,
// SITE_URL https://tinh.gov.vn/dao-xa): the pages are rendered as if at the root, then every
// root-relative address in their attributes is put under that path. Root-relative means this
// origin, and on it the portal owns only its path, so the rewrite is exact: links, Astro's
// assets, images (srcset lists), uploads, the search box's bundles. Absolute addresses are made
// with the path already (site/src/lib/absolute-url.ts).

// Attributes holding addresses: one (href, src, action, poster) or a list (srcset; the search
// box's data-merge-index), and the search box's data-base.
const ATTRIBUTE = /(\s(?:href|src|srcset|action|poster|data-base|data-merge-index)=")([^"]*)"/g;

/** The path SITE_URL puts the portal under, without a trailing slash: "" at a host's root. */
export function basePathOf(siteUrl) {
  return new URL(siteUrl).pathname.replace(/\/+$/, '');
}

/**
 * `html` with each root-relative address in those attributes under `base` ("/dao-xa"); as it
 * is when `base` is "".
 * @param {string} html
 * @param {string} base
 */
export function underBase(html, base) {
  if (!base) return html;
  return html.replace(ATTRIBUTE, (_whole, start, value) => `${start}${value.replace(/(^|[\s,])\/(?!\/)/g, `$1${base}/`)}"`);
}
