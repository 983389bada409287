import type { APIRoute } from 'astro';
import { bulletinFor } from '../../lib/radio/bulletins';
import { bulletinText } from '../../lib/radio/bulletin-text';
import { communeName } from '../../lib/site-info';

export const GET: APIRoute = async ({ params, site }) => {
  const bulletin = await bulletinFor(params.week ?? '', site!);
  if (!bulletin) return new Response(null, { status: 404 });
  return new Response(bulletinText(bulletin, await communeName(), site!.toString()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
