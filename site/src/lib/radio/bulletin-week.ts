// Bulletin weeks run Monday to Sunday in the commune's time zone (Asia/Ho_Chi_Minh, UTC+7 all
// year, no daylight saving), numbered as ISO weeks.

const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BulletinWeek {
  /** ISO week-numbering year and week: 2025, 36. */
  year: number;
  week: number;
  /** Monday and Sunday as calendar days in Vietnam: "2025-09-01", "2025-09-07". */
  from: string;
  to: string;
  /** URL segment: "2025-tuan-36". */
  slug: string;
}

const day = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

/** The bulletin week an instant falls in, as seen in Vietnam. */
export function weekOf(instant: string | Date): BulletinWeek {
  const local = new Date(new Date(instant).getTime() + OFFSET_MS);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const weekday = (local.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = midnight - weekday * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { year, week, from: day(monday), to: day(monday + 6 * DAY_MS), slug: `${year}-tuan-${String(week).padStart(2, '0')}` };
}

/** The week a slug names, or null for anything else. */
export function weekFromSlug(slug: string): BulletinWeek | null {
  const match = /^(\d{4})-tuan-(\d{2})$/.exec(slug);
  if (!match) return null;
  const [year, week] = [Number(match[1]), Number(match[2])];
  // The Monday of ISO week 1 is the Monday of the week holding 4 January.
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (week - 1) * 7 * DAY_MS;
  const found = weekOf(new Date(monday - OFFSET_MS + 12 * 60 * 60 * 1000));
  return found.year === year && found.week === week ? found : null;
}
