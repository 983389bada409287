import { portalSite } from '../../lib/portal-site';
import type { APIRoute } from 'astro';
import { feedResponse } from '../../lib/feed';
import { piecesOfKind } from '../../lib/pieces';
import { sections } from '../../lib/sections';

export const GET: APIRoute = async ({ params }) => {
  const section = sections.find((s) => s.path === params.section);
  if (!section) return new Response(null, { status: 404 });
  return feedResponse({
    title: section.title,
    description: section.description,
    pieces: await piecesOfKind(section.key),
    site: portalSite(),
    self: `/${section.path}/rss.xml`,
  });
};
