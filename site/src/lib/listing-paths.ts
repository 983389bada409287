import { paginate, type PageOf } from './paginate';
import type { Piece } from './pieces';
import { memoized } from './site-data';

export interface Listing {
  /** Route params that name the listing (e.g. { section: 'tin-tuc' }). */
  params: Record<string, string>;
  base: string;
  pieces: Piece[];
  props?: Record<string, unknown>;
}

export interface ListingPageProps {
  title: string;
  description: string;
  feeds: Array<{ title: string; href: string }>;
  page: PageOf<Piece>;
}

/** Every page of every listing, by URL: the first page at `base`, archive page n at `base/trang/n/` (src/lib/paginate.ts). */
export function listingPages(listings: Listing[]): Map<string, ListingPageProps> {
  const pages = new Map<string, ListingPageProps>();
  for (const listing of listings) {
    for (const page of paginate(listing.pieces, listing.base)) pages.set(page.url, { ...(listing.props as Omit<ListingPageProps, 'page'>), page });
  }
  return pages;
}

/** The listing page at `pathname` (the first `…/`, archive page n `…/trang/n/`), or undefined: the first page of an empty listing exists. */
export function listingPageAt(name: string, listings: Listing[], pathname: string): ListingPageProps | undefined {
  return memoized(`listing-pages:${name}`, () => listingPages(listings)).get(pathname);
}
