import { portalSite } from '../lib/portal-site';
import type { APIRoute } from 'astro';
import { feedResponse } from '../lib/feed';
import { allPieces } from '../lib/pieces';

export const GET: APIRoute = async () =>
  feedResponse({
    title: 'Tất cả tin bài',
    description: 'Tin tức, điển hình, hướng dẫn dịch vụ công và kiểm chứng thông tin mới nhất.',
    pieces: await allPieces(),
    site: portalSite(),
    self: '/rss.xml',
  });
