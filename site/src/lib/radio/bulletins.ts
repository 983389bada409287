import { pieceUrl } from '../pieces.ts';
import { memoized } from '../site-data.ts';
import { communeName } from '../site-info.ts';
import { buildBulletin, bulletinWeeks, type Bulletin } from './bulletin.ts';
import { weekFromSlug, type BulletinWeek } from './bulletin-week.ts';

/** Every week that has a bulletin, newest first (the portal's /truyen-thanh/ pages). */
export const radioWeeks = (): BulletinWeek[] => memoized('radio-weeks', (data) => bulletinWeeks(data.pieces));

/** The bulletin of the week a slug names ("2025-tuan-36"), or null when that week has none. */
export async function bulletinFor(slug: string, site: URL): Promise<Bulletin | null> {
  const week = weekFromSlug(slug);
  if (!week || !radioWeeks().some((w) => w.slug === week.slug)) return null;
  const name = await communeName();
  return memoized(`radio-bulletin-${slug}`, (data) =>
    // The address read out: the host, and the path a province may serve the portal under.
    buildBulletin(data.pieces, week, { communeName: name, siteHost: `${site.host}${site.pathname}`.replace(/\/+$/, ''), pieceUrl }),
  );
}
