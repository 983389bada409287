import type { APIRoute, GetStaticPaths } from 'astro';
import { taxonomy, themeByKey } from '@thanh-thuy/content-types';
import { feedResponse } from '../../../lib/feed';
import { allPieces } from '../../../lib/pieces';

export const getStaticPaths: GetStaticPaths = () => taxonomy.themes.map((t) => ({ params: { key: t.key } }));

export const GET: APIRoute = async ({ params, site }) => {
  const theme = themeByKey(params.key!)!;
  return feedResponse({
    title: `Chủ đề: ${theme.label}`,
    description: theme.summary,
    pieces: (await allPieces()).filter((p) => p.themes.some((t) => t.key === theme.key)),
    site: site!,
    self: `/chu-de/${theme.key}/rss.xml`,
  });
};
