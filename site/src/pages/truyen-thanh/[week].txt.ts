import { portalSite } from '../../lib/portal-site';
import type { APIRoute } from 'astro';
import { bulletinFor } from '../../lib/radio/bulletins';
import { bulletinText } from '../../lib/radio/bulletin-text';
import { communeName } from '../../lib/site-info';

export const GET: APIRoute = async ({ params }) => {
  const bulletin = await bulletinFor(params.week ?? '', portalSite());
  if (!bulletin) return new Response(null, { status: 404 });
  return new Response(bulletinText(bulletin, await communeName(), portalSite().toString()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
