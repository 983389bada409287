import type { APIRoute } from 'astro';
import { feedResponse } from '../lib/feed';
import { allPieces } from '../lib/pieces';

export const GET: APIRoute = async ({ site }) =>
  feedResponse({
    title: 'Tất cả tin bài',
    description: 'Tin tức, điển hình, hướng dẫn dịch vụ công và kiểm chứng thông tin mới nhất.',
    pieces: await allPieces(),
    site: site!,
    self: '/rss.xml',
  });
