import { timingSafeEqual } from 'node:crypto';

// The cross-post runner (scripts/crosspost) holds CROSSPOST_RUNNER_SECRET from the generated
// .env; nothing else may claim jobs or write results into the ledger.
export default (ctx: { request: { header: Record<string, string | undefined> } }): boolean => {
  const secret = process.env.CROSSPOST_RUNNER_SECRET;
  const given = /^Bearer (.+)$/.exec(ctx.request.header.authorization ?? '')?.[1];
  if (!secret || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};
