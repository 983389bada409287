import { paginate } from './paginate';
import type { Piece } from './pieces';

export interface Listing {
  /** Route params that name the listing (e.g. { section: 'tin-tuc' }). */
  params: Record<string, string>;
  base: string;
  pieces: Piece[];
  props?: Record<string, unknown>;
}

/** getStaticPaths entries of paginated listings: page 1 (`index.astro`) or pages 2+ (`trang/[page].astro`). */
export function listingPaths(listings: Listing[], which: 'first' | 'rest') {
  return listings.flatMap((listing) =>
    paginate(listing.pieces, listing.base)
      .filter((page) => (which === 'first' ? page.current === 1 : page.current > 1))
      .map((page) => ({
        params: which === 'first' ? listing.params : { ...listing.params, page: String(page.current) },
        props: { ...listing.props, page },
      })),
  );
}
