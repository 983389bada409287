import { absoluteUrl } from './absolute-url';
import rss from '@astrojs/rss';
import { getImage } from 'astro:assets';
import { absolutizeHtml, escapeHtml } from './escape-html';
import { feedHtml } from './feed-content';
import { pieceUrl, type Piece } from './pieces';
import { communeName } from './site-info';

export const FEED_ITEMS = 50;

interface FeedOptions {
  title: string;
  description: string;
  pieces: Piece[];
  site: URL;
  /** Path of the feed itself, for <atom:link rel="self">. */
  self: string;
}

async function coverUrl(piece: Piece, site: URL): Promise<string | null> {
  if (!piece.cover) return null;
  const width = Math.min(800, piece.cover.width);
  const image = await getImage({ src: piece.cover.src, width, height: Math.round((width * piece.cover.height) / piece.cover.width), format: 'jpeg' });
  return absoluteUrl(image.src, site);
}

/** An RSS 2.0 feed of the newest pieces; GUIDs are documentIds, so they survive a slug change. */
export async function feedResponse({ title, description, pieces, site, self }: FeedOptions): Promise<Response> {
  const name = await communeName();
  const items = await Promise.all(
    pieces.slice(0, FEED_ITEMS).map(async (piece) => ({
      title: piece.kind === 'fact-check' ? `${piece.title} (Kết luận: ${String(piece.fields.verdict)})` : piece.title,
      // Absolute: @astrojs/rss resolves a path against the site's origin, not its path.
      link: absoluteUrl(pieceUrl(piece), site),
      pubDate: new Date(piece.publishedAt),
      description: piece.summary,
      content: absolutizeHtml(feedHtml(piece, await coverUrl(piece, site)), site.toString()),
      categories: piece.themes.map((t) => t.label),
      customData: `<guid isPermaLink="false">urn:thanh-thuy:${piece.kind}:${escapeHtml(piece.documentId)}</guid>`,
    })),
  );
  return rss({
    title: `${title} – ${name}`,
    description,
    site,
    items,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>vi</language><atom:link href="${absoluteUrl(self, site)}" rel="self" type="application/rss+xml"/>`,
  });
}
