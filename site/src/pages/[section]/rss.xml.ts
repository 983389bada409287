import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../lib/feed';
import { piecesOfKind } from '../../lib/pieces';
import { sectionOf, sections } from '../../lib/sections';

export const getStaticPaths: GetStaticPaths = () => sections.map((s) => ({ params: { section: s.path } }));

export const GET: APIRoute = async ({ params, site }) => {
  const section = sectionOf(params.section!);
  return feedResponse({
    title: section.title,
    description: section.description,
    pieces: await piecesOfKind(section.key),
    site: site!,
    self: `/${section.path}/rss.xml`,
  });
};
