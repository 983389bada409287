export const PAGE_SIZE = 20;

/**
 * One page of a listing. The listing's first page (`number` 0, at its base URL) shows the newest
 * pieces; the older ones are on archive pages numbered from the oldest (`number` 1, at
 * `base/trang/1/`, holds the first twenty pieces ever published). An archive page is always
 * full and keeps what it shows when a piece is published: a publish changes the first page and,
 * once every twenty publishes, makes one new archive page, instead of shifting every page of the
 * listing (issue 8: at 10,000 pieces numbering from the newest re-rendered ~270 pages a publish).
 */
export interface PageOf<T> {
  /** Newest first. */
  items: T[];
  /** 0 for the first page, n ≥ 1 for archive page n (counted from the oldest). */
  number: number;
  url: string;
  /** The page of the next newer pieces (absent on the first page). */
  newer?: string;
  /** The page of the next older pieces (absent on archive page 1, and on a first page that holds every piece). */
  older?: string;
  /** The listing's first page. */
  first: string;
}

/**
 * Pages of a listing whose `items` are newest first: the first page at `base` holds the newest
 * `size` to `2 × size − 1` items (every item while there are fewer than `2 × size`), archive page
 * n at `base/trang/n/` holds items n·size−size+1 to n·size counted from the oldest.
 */
export function paginate<T>(items: T[], base: string, size = PAGE_SIZE): PageOf<T>[] {
  const archived = Math.max(0, Math.floor(items.length / size) - 1);
  const onFirst = items.length - archived * size;
  const url = (n: number) => (n === 0 ? base : `${base}trang/${n}/`);
  const first: PageOf<T> = { items: items.slice(0, onFirst), number: 0, url: base, first: base, ...(archived > 0 ? { older: url(archived) } : {}) };
  const archive = Array.from({ length: archived }, (_, i): PageOf<T> => {
    const n = i + 1;
    const end = items.length - (n - 1) * size;
    return { items: items.slice(end - size, end), number: n, url: url(n), first: base, newer: url(n < archived ? n + 1 : 0), ...(n > 1 ? { older: url(n - 1) } : {}) };
  });
  return [first, ...archive];
}
