import { communePortalProbe, type PortalAnswer, type PortalProbe } from './portal-probe.ts';

// The picture a post carries is the portal's own share image (og:image of the live page): a
// JPEG at most 1,200 px wide that the portal serves under its public address. The cover's CMS
// path (/uploads/<name>) is not on the portal: the build processes covers itself and names
// the copies it keeps by content, so a link built from it would show a broken picture on Zalo.

const OG_IMAGE = /<meta\s+property="og:image"\s+content="([^"]+)"\s*\/?>/i;

/** Undoes the escaping Astro applies to attribute values (&amp; &quot; &#39; &lt; &gt;). */
function decodeAttribute(value: string): string {
  return value.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', '#39': "'", '#x27': "'", lt: '<', gt: '>' })[name] ?? _);
}

/** The og:image URL in a page's HTML, when it is a web address. */
export function ogImageOf(html: string): string | undefined {
  const match = OG_IMAGE.exec(html);
  if (!match) return undefined;
  const url = decodeAttribute(match[1]);
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) ? url : undefined;
}

/**
 * Reads a live page's share image through the local portal server (where this machine reaches
 * the portal): `portal` is that server's address for one commune's portal under siteUrl, or a
 * probe of a province's. Undefined when the page has none or cannot be read: the runner then
 * keeps what it had.
 */
export function shareImageFinder(siteUrl: string, portal: string | PortalProbe) {
  const probe = typeof portal === 'string' ? communePortalProbe(siteUrl, portal) : portal;
  return async (pageUrl: string): Promise<string | undefined> => {
    let res: PortalAnswer;
    try {
      res = await probe(pageUrl, 'GET');
    } catch {
      return undefined; // the portal is restarting: the job still goes out with the cover's own link
    }
    if (res.status !== 200) return undefined;
    return ogImageOf(res.body);
  };
}
