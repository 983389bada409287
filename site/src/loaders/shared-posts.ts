import { SHARED_CHANNELS, SHARED_POSTS_MAX_PAGE_SIZE, sharedPostSchema, sharedPostsEnvelopeSchema } from '@thanh-thuy/content-types';
import type { SharedOnLink as SharedOn } from '../lib/piece-types.ts';
import { CmsRequestError } from './errors.ts';
import { getJson, type CmsConnection } from './strapi-client.ts';

export interface SharedPosts {
  /** Where a piece was shared, in the order of SHARED_CHANNELS; empty when nowhere. */
  of(documentId: string): SharedOn[];
  /** Rows left out, each with the reason (a bad URL from a hand-recorded post, …). */
  rejected: string[];
}

async function sharedPostsPage(cms: CmsConnection, page: number, pageSize: number) {
  const path = `/api/crosspost/shared?pagination[page]=${page}&pagination[pageSize]=${pageSize}`;
  const envelope = sharedPostsEnvelopeSchema.safeParse(await getJson(cms, path));
  if (!envelope.success) throw new CmsRequestError(`CMS response is not a page of shared posts: GET ${cms.url}${path}`, path);
  return envelope.data;
}

/**
 * Every page of where pieces were shared. A post recorded between two page reads may shift a
 * row past this read; its record also announces `crosspost.shared`, which rebuilds the portal.
 */
export async function fetchSharedPosts(cms: CmsConnection, pageSize = SHARED_POSTS_MAX_PAGE_SIZE): Promise<SharedPosts> {
  const first = await sharedPostsPage(cms, 1, pageSize);
  const rows = [...first.data];
  for (let page = 2; page <= first.meta.pagination.pageCount; page += 1) rows.push(...(await sharedPostsPage(cms, page, pageSize)).data);
  const byPiece = new Map<string, SharedOn[]>();
  const rejected: string[] = [];
  rows.forEach((raw, index) => {
    const row = sharedPostSchema.safeParse(raw);
    if (!row.success) {
      const issue = row.error.issues[0];
      rejected.push(`shared post ${index} (${JSON.stringify(raw).slice(0, 200)}): ${issue.path.join('.')}: ${issue.message}`);
      return;
    }
    const list = byPiece.get(row.data.pieceId) ?? [];
    if (!list.some((s) => s.channel === row.data.channel)) list.push({ channel: row.data.channel, url: row.data.remoteUrl });
    byPiece.set(row.data.pieceId, list);
  });
  for (const list of byPiece.values()) list.sort((a, b) => SHARED_CHANNELS.indexOf(a.channel) - SHARED_CHANNELS.indexOf(b.channel));
  return { of: (documentId) => byPiece.get(documentId) ?? [], rejected };
}
