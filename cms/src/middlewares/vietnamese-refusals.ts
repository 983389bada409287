import { refusals } from '../refusals';

// Strapi refuses an admin action it does not permit with "Policy Failed" or "Forbidden",
// which the admin panel shows as is. Refusals written by this CMS are already Vietnamese and
// are left alone; the content API (/api) is read by programs, not people.
const STRAPI_REFUSALS = new Set(['Policy Failed', 'Forbidden', 'Forbidden access']);

type ErrorBody = { error?: { message?: unknown } };

export default () => async (ctx: { status: number; path: string; body: unknown }, next: () => Promise<void>) => {
  await next();
  if (ctx.status !== 403 || ctx.path === '/api' || ctx.path.startsWith('/api/')) return;
  const error = (ctx.body as ErrorBody | null)?.error;
  if (error && typeof error.message === 'string' && STRAPI_REFUSALS.has(error.message)) error.message = refusals.notAllowed;
};
