import { portalSite } from '../../../lib/portal-site';
import type { APIRoute } from 'astro';
import { themeByKey } from '@thanh-thuy/content-types';
import { feedResponse } from '../../../lib/feed';
import { groupOf, pieceGroups } from '../../../lib/piece-groups';

export const GET: APIRoute = async ({ params }) => {
  const theme = themeByKey(params.key!);
  if (!theme) return new Response(null, { status: 404 });
  return feedResponse({
    title: `Chủ đề: ${theme.label}`,
    description: theme.summary,
    pieces: groupOf(pieceGroups().byTheme, theme.key),
    site: portalSite(),
    self: `/chu-de/${theme.key}/rss.xml`,
  });
};
