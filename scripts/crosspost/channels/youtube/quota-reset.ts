const DAY_MS = 24 * 3600 * 1000;
// DST days are an hour longer or shorter; waiting a little past midnight costs nothing.
const MARGIN_MS = 15 * 60 * 1000;

/**
 * Milliseconds until a little after the next midnight in America/Los_Angeles, when YouTube
 * resets daily quotas (https://developers.google.com/youtube/v3/getting-started#quota).
 */
export function msUntilQuotaReset(now: number = Date.now()): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles', hourCycle: 'h23', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(now));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const sinceMidnight = ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000;
  return DAY_MS - sinceMidnight + MARGIN_MS;
}
