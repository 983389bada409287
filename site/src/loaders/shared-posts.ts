import { SHARED_CHANNELS, sharedPostSchema, sharedPostsEnvelopeSchema } from '@thanh-thuy/content-types';
import type { SharedOnLink as SharedOn } from '../lib/piece-types';
import { CmsRequestError } from './errors';
import { getJson, type CmsConnection } from './strapi-client';

export interface SharedPosts {
  /** Where a piece was shared, in the order of SHARED_CHANNELS; empty when nowhere. */
  of(documentId: string): SharedOn[];
  /** Rows left out, each with the reason (a bad URL from a hand-recorded post, …). */
  rejected: string[];
}

export async function fetchSharedPosts(cms: CmsConnection): Promise<SharedPosts> {
  const path = '/api/crosspost/shared';
  const envelope = sharedPostsEnvelopeSchema.safeParse(await getJson(cms, path));
  if (!envelope.success) throw new CmsRequestError(`CMS response is not a list of shared posts: GET ${cms.url}${path}`, path);
  const byPiece = new Map<string, SharedOn[]>();
  const rejected: string[] = [];
  envelope.data.data.forEach((raw, index) => {
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
