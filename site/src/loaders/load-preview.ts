import { commune, communeProfile, contentKinds, readApiEntry } from '@thanh-thuy/content-types';
import type { PieceData } from '../lib/piece-types';
import type { SiteData } from '../lib/site-data';
import { emptyLoadCache, readCommune } from './load-site-data';
import { fetchCommuneRow, type CmsConnection } from './strapi-client';
import { toPiece } from './to-piece';

export type PreviewData = { ok: true; data: SiteData; piece: PieceData } | { ok: false; field: string; message: string };

/**
 * What the portal needs to render one draft as it will look once published (issue 10, "Xem
 * trước"): the draft as the one piece, dated as its publication will date it (its first
 * publication, or now for a piece never published), and the commune's details for header and
 * footer. The piece page reads nothing else. A draft that the content model would refuse at
 * publish (a required field empty, …) is not rendered: the editor gets the CMS's own message.
 */
export async function loadPreviewData(cms: CmsConnection, kindKey: string, entry: Record<string, unknown>, now = new Date()): Promise<PreviewData> {
  const kind = contentKinds.find((k) => k.key === kindKey);
  if (!kind) return { ok: false, field: 'kind', message: `Không có loại tin bài «${kindKey}».` };
  const dated = { ...entry, publishedAt: (entry.firstPublishedAt as string | null) ?? now.toISOString() };
  const read = readApiEntry(kind, dated);
  if (!read.success) return { ok: false, field: read.issue.field, message: read.issue.message };
  const piece: PieceData = { ...toPiece(kind, read.data, cms.mediaUrl ?? cms.url), sharedOn: [] };
  const communeRow = await fetchCommuneRow(cms, commune, communeProfile);
  const { data: communeData } = readCommune(communeRow, cms, emptyLoadCache(), emptyLoadCache());
  return { ok: true, piece, data: { pieces: [piece], withdrawn: [], gone: [], commune: communeData, coverage: null } };
}
