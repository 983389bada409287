import { timingSafeEqual } from 'node:crypto';

// `npm run report` (scripts/report) holds REPORT_API_TOKEN from the generated .env; the full
// report names sightings and activities, which no API token of the portal may read.
export default (ctx: { request: { header: Record<string, string | undefined> } }): boolean => {
  const secret = process.env.REPORT_API_TOKEN;
  const given = /^Bearer (.+)$/.exec(ctx.request.header.authorization ?? '')?.[1];
  if (!secret || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};
