import type { Core } from '@strapi/strapi';
import { SHARED_CHANNELS, SHARED_CHANNEL_NAMES, contentKinds, localDay, uidOf, type SharedChannel } from '@thanh-thuy/content-types';
import { ledger, type LedgerRow } from '../crosspost/ledger';
import { pieceUrl, type ReportScope } from './published-pieces';

export interface PeriodPost {
  channel: SharedChannel;
  channelLabel: string;
  pieceId: string;
  pieceTitle: string;
  pieceUrl: string;
  url: string;
  day: string;
  byHand: boolean;
  /** The piece's tenancy (content-types tenancy.ts), for the province's report. */
  commune: string | null;
  provinceWide: boolean;
}

const CHUNK = 500; // well under SQLite's and PostgreSQL's bound-parameter limits

/**
 * The posts made on each social platform in [start, end), from the cross-post ledger: `create`
 * jobs that reached "posted" in the period, by the runner or recorded by an officer who posted
 * by hand from the outbox ("Đã đăng tay": a link without a platform id). A deliberate repost
 * makes a new generation; the piece counts once per platform, with its newest post of the
 * period, per account in a province. A post whose piece is no longer published does not count (nor does a copy an editor
 * removed, whose job is "removed").
 */
export async function socialPosts(strapi: Core.Strapi, start: Date, end: Date, portalUrl: string, scope: ReportScope = {}): Promise<PeriodPost[]> {
  // For one commune: the posts of its accounts, and those made without an account (their piece says whose they are).
  const own = scope.commune ? { $or: [{ commune: scope.commune }, { commune: { $null: true } }] } : {};
  const rows = (await ledger(strapi).findMany({
    where: { action: 'create', state: 'posted', channel: { $in: [...SHARED_CHANNELS] }, postedAt: { $gte: start, $lt: end }, remoteUrl: { $notNull: true }, ...own },
    orderBy: [{ generation: 'desc' }, { id: 'desc' }],
  })) as LedgerRow[];
  const newest = new Map<string, LedgerRow>();
  for (const row of rows) {
    // Per lane: in a province, each commune's account that carried the piece made a post of its own.
    const key = `${row.pieceId}\n${row.channel}\n${row.commune ?? ''}`;
    if (!newest.has(key)) newest.set(key, row);
  }
  const posts: PeriodPost[] = [];
  for (const kind of contentKinds) {
    const ids = [...new Set([...newest.values()].filter((r) => r.pieceUid === uidOf(kind)).map((r) => r.pieceId))];
    const pieces = new Map<string, { title: string; slug: string; commune?: string | null; provinceWide?: boolean | null }>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const found = (await strapi.db.query(uidOf(kind) as never).findMany({
        where: { documentId: { $in: ids.slice(i, i + CHUNK) }, publishedAt: { $notNull: true } },
        select: ['documentId', 'title', 'slug', 'commune', 'provinceWide'],
      })) as Array<{ documentId: string; title: string; slug: string; commune?: string | null; provinceWide?: boolean | null }>;
      for (const p of found) pieces.set(p.documentId, p);
    }
    for (const row of newest.values()) {
      const piece = row.pieceUid === uidOf(kind) ? pieces.get(row.pieceId) : undefined;
      if (!piece) continue;
      const channel = row.channel as SharedChannel;
      posts.push({
        channel,
        channelLabel: SHARED_CHANNEL_NAMES[channel],
        pieceId: row.pieceId,
        pieceTitle: piece.title,
        pieceUrl: pieceUrl(portalUrl, kind, piece.slug),
        url: row.remoteUrl as string,
        day: localDay(row.postedAt as string),
        byHand: !row.remoteId,
        // A post counts for the commune whose account made it: a province-wide fact-check shared
        // by Đào Xá's page is Đào Xá's work; without an account, for the piece's own commune.
        commune: row.commune ?? piece.commune ?? null,
        provinceWide: row.commune ? false : piece.provinceWide === true,
      });
    }
  }
  return posts.sort((a, b) => SHARED_CHANNELS.indexOf(a.channel) - SHARED_CHANNELS.indexOf(b.channel) || a.day.localeCompare(b.day) || a.pieceTitle.localeCompare(b.pieceTitle, 'vi'));
}
