export const PAGE_SIZE = 20;

export interface PageOf<T> {
  items: T[];
  current: number;
  last: number;
  /** URL of page n of this listing: base for page 1, base + "trang/n/" after. */
  url: (n: number) => string;
}

/** Pages of a listing; page 1 lives at `base`, page n at `base/trang/n/`. */
export function paginate<T>(items: T[], base: string, size = PAGE_SIZE): PageOf<T>[] {
  const last = Math.max(1, Math.ceil(items.length / size));
  const url = (n: number) => (n <= 1 ? base : `${base}trang/${n}/`);
  return Array.from({ length: last }, (_, i) => ({ items: items.slice(i * size, (i + 1) * size), current: i + 1, last, url }));
}
