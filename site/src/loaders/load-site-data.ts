import { createHash } from 'node:crypto';
import { commune, communeProfile, contentKinds, messages, reachesCommune, readApiEntry, type ContentKindDefinition, type Tenancy } from '@thanh-thuy/content-types';
import type { PieceData } from '../lib/piece-types';
import type { CommuneData, SiteData } from '../lib/site-data';
import { renderMarkdown } from '../render/markdown';
import { RENDER_VERSION } from '../render/render-version';
import { fetchGonePages } from './gone-pages';
import { fetchPlanCoverage } from './plan-coverage';
import { fetchSharedPosts, type SharedPosts } from './shared-posts';
import { describeSkipped, skippedEntry, type SkippedEntry } from './skipped-entries';
import { fetchAllEntries, fetchCommuneRow, fetchEntries, fetchEntry, type CmsConnection } from './strapi-client';
import { toPiece } from './to-piece';

type Entry = Record<string, unknown> & { id?: number; documentId?: string };

/** What a previous load kept, so an unchanged entry is neither validated nor rendered again. */
export interface LoadCache {
  /** The published rows of each kind as the CMS sent them, newest first publication first (cmsOrder). */
  rows: Map<string, Entry[]> | null;
  entries: Map<string, { digest: string; piece: PieceData }>;
  commune: { digest: string; data: CommuneData } | null;
  communeRow: Record<string, unknown> | null;
}

/** A published document that changed: only it is fetched again when nothing else did. */
export interface ChangedDocument {
  kind: string;
  documentId: string;
}

export interface LoadedSite {
  data: SiteData;
  skipped: SkippedEntry[];
  /** Lines for the build log (rows left out, duplicates). */
  warnings: string[];
  cache: LoadCache;
  /** Entries validated and rendered again (not taken from the cache). */
  rendered: number;
}

export const emptyLoadCache = (): LoadCache => ({ rows: null, entries: new Map(), commune: null, communeRow: null });

const digestOf = (text: string) => createHash('sha1').update(text).digest('base64url');

// Rows kept from the previous load are the same objects: each is hashed once, not at every publish.
const rowDigests = new WeakMap<Entry, string>();
function rowDigest(row: Entry): string {
  let digest = rowDigests.get(row);
  if (!digest) rowDigests.set(row, (digest = digestOf(JSON.stringify(row))));
  return digest;
}
// publishedAt of a piece is its first publication date (to-piece.ts): a correction keeps its place.
const newestFirst = (a: PieceData, b: PieceData) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0);

/**
 * Strapi 5 returns one row per (document, status); a published document is one row. Should a
 * CMS return two published rows of one document, the newer row (highest id) wins.
 */
function newestRowPerDocument(entries: Entry[]): { rows: Entry[]; duplicates: number } {
  const byId = new Map<string, Entry>();
  for (const entry of entries) {
    const id = String(entry.documentId);
    const seen = byId.get(id);
    if (!seen || Number(entry.id) > Number(seen.id)) byId.set(id, entry);
  }
  return { rows: [...byId.values()], duplicates: entries.length - byId.size };
}

interface KindResult {
  pieces: PieceData[];
  skipped: SkippedEntry[];
  warnings: string[];
  rendered: number;
}

/**
 * The published entries of one kind, validated. An entry that does not match the content model
 * is left out and reported (see site/README.md): one bad value must not stop everyone else's
 * publishing. A duplicate slug is left out the same way: the newest entry keeps it.
 */
function readKind(kind: ContentKindDefinition, raw: Entry[], shared: SharedPosts, cms: CmsConnection, previous: LoadCache, next: LoadCache): KindResult {
  const result: KindResult = { pieces: [], skipped: [], warnings: [], rendered: 0 };
  const { rows, duplicates } = newestRowPerDocument(raw);
  if (duplicates > 0) result.warnings.push(`${duplicates} duplicate published rows of ${kind.plural} ignored (same documentId)`);
  const slugs = new Map<string, string>();
  const skip = (entry: SkippedEntry) => {
    result.skipped.push(entry);
    result.warnings.push(`left out ${describeSkipped(entry)}`);
  };
  for (const row of rows) {
    const documentId = String(row.documentId ?? `(id ${row.id})`);
    // The digest covers what the CMS sent and how it is rendered (RENDER_VERSION), and where the
    // piece was shared. A skipped entry is never cached: it is checked again until it is fixed.
    const sharedOn = shared.of(documentId);
    const digest = digestOf(`${RENDER_VERSION}\n${cms.url}\n${cms.mediaUrl ?? ''}\n${rowDigest(row)}\n${JSON.stringify(sharedOn)}`);
    const cached = previous.entries.get(`${kind.key}:${documentId}`);
    let piece: PieceData;
    if (cached?.digest === digest) piece = cached.piece;
    else {
      const read = readApiEntry(kind, row);
      if (!read.success) {
        skip(skippedEntry(kind.key, row, read.issue));
        continue;
      }
      piece = { ...toPiece(kind, read.data, cms.mediaUrl ?? cms.url), sharedOn };
      result.rendered++;
    }
    const other = slugs.get(piece.slug);
    if (other) {
      const message = messages.slugTaken(kind.fields.slug.label, piece.slug, kind.displayName);
      skip(skippedEntry(kind.key, row, { field: 'slug', labels: [kind.fields.slug.label], message, detail: `also used by ${other}` }));
      continue;
    }
    slugs.set(piece.slug, documentId);
    next.entries.set(`${kind.key}:${documentId}`, { digest, piece });
    result.pieces.push(piece);
  }
  return result;
}

/** The commune's details; invalid ones are left out and reported (the portal then shows the plan's name only). */
export function readCommune(row: Record<string, unknown> | null, cms: CmsConnection, previous: LoadCache, next: LoadCache): { data: CommuneData | null; skipped: SkippedEntry[] } {
  if (!row) return { data: null, skipped: [] };
  const digest = digestOf(`${RENDER_VERSION}\n${cms.url}\n${JSON.stringify(row)}`);
  if (previous.commune?.digest === digest) {
    next.commune = previous.commune;
    return { data: previous.commune.data, skipped: [] };
  }
  const read = readApiEntry(cms.commune ? communeProfile : commune, row);
  if (!read.success) return { data: null, skipped: [skippedEntry('commune', row, read.issue)] };
  const data = read.data as unknown as CommuneData & { introduction?: unknown };
  const introductionHtml = typeof data.introduction === 'string' ? renderMarkdown(data.introduction, { mediaBase: cms.mediaUrl ?? cms.url }) : '';
  next.commune = { digest, data: { ...data, introductionHtml } };
  return { data: next.commune.data, skipped: [] };
}

// The order of a kind's rows: first publication descending, then id descending. Applied to a
// full fetch too, not left to the database: PostgreSQL and SQLite place a missing
// firstPublishedAt (a CMS not yet backfilled) at opposite ends, and an incremental load must
// order rows exactly as a full one does.
const firstPublished = (row: Entry) => String(row.firstPublishedAt ?? row.publishedAt);
const cmsOrder = (a: Entry, b: Entry) =>
  firstPublished(a) < firstPublished(b) ? 1 : firstPublished(a) > firstPublished(b) ? -1 : Number(b.id) - Number(a.id);

/**
 * The rows of each kind: all of them from the CMS, or, when only some published documents
 * changed (`changes`), the previous rows with those documents fetched again (gone when the
 * CMS no longer publishes them).
 */
async function fetchRows(cms: CmsConnection, previous: LoadCache, changes: ChangedDocument[] | null): Promise<Map<string, Entry[]>> {
  if (!changes || !previous.rows) {
    const lists = await Promise.all(contentKinds.map((kind) => fetchAllEntries(cms, kind)));
    return new Map(contentKinds.map((kind, i) => [kind.key, (lists[i] as Entry[]).sort(cmsOrder)]));
  }
  const rows = new Map([...previous.rows].map(([key, list]) => [key, [...list]]));
  const byKind = new Map<ContentKindDefinition, string[]>();
  for (const change of changes) {
    const kind = contentKinds.find((k) => k.key === change.kind);
    if (!kind) throw new Error(`No content kind "${change.kind}" (change of ${change.documentId})`);
    byKind.set(kind, [...(byKind.get(kind) ?? []), change.documentId]);
  }
  // One document of a kind is read by itself; several (a burst of publishes) in one list request.
  const found = new Map<string, Entry | null>();
  await Promise.all(
    [...byKind].map(async ([kind, ids]) => {
      if (ids.length === 1) found.set(`${kind.key}:${ids[0]}`, (await fetchEntry(cms, kind, ids[0])) as Entry | null);
      else {
        const rowsById = await fetchEntries(cms, kind, ids);
        for (const id of ids) found.set(`${kind.key}:${id}`, (rowsById.get(id) as Entry | undefined) ?? null);
      }
    }),
  );
  const fetched = changes.map((change) => ({ change, row: found.get(`${change.kind}:${change.documentId}`) ?? null }));
  for (const { change, row } of fetched) {
    const list = (rows.get(change.kind) ?? []).filter((r) => String(r.documentId) !== change.documentId);
    if (row) list.push(row);
    rows.set(change.kind, list.sort(cmsOrder));
  }
  return rows;
}

/** Everything the portal shows, read from the CMS's published content. An unreachable CMS throws. */
export async function loadSiteData(cms: CmsConnection, previous: LoadCache = emptyLoadCache(), changes: ChangedDocument[] | null = null): Promise<LoadedSite> {
  const partial = Boolean(changes && previous.rows);
  // The coverage is read whole at every load: an activity or a post changes it without any piece changing.
  const [shared, communeRow, rows, coverage, gone] = await Promise.all([
    fetchSharedPosts(cms),
    partial ? Promise.resolve(previous.communeRow) : fetchCommuneRow(cms, commune, communeProfile),
    fetchRows(cms, previous, changes),
    fetchPlanCoverage(cms),
    fetchGonePages(cms),
  ]);
  const next = emptyLoadCache();
  next.rows = rows;
  next.communeRow = communeRow;
  // In a province, this portal shows its commune's pieces and the province-wide ones addressed
  // to it (tenancy.ts); the rows are kept whole in the cache, so an incremental load filters alike.
  const { commune: only } = cms;
  const visible = (list: Entry[]) => (only ? list.filter((row) => reachesCommune(row as Tenancy, only)) : list);
  const kinds = contentKinds.map((kind) => readKind(kind, visible(rows.get(kind.key) ?? []), shared, cms, previous, next));
  const communeRead = readCommune(communeRow, cms, previous, next);
  // A province's portal never falls back to another commune's name (the plan's is Thanh Thủy's):
  // without valid details of its own, the build stops and the last good release stays live.
  if (only && !communeRead.data) throw new Error(messages.communeDetailsMissing(only, communeRead.skipped[0]?.message ?? null));
  const skipped = [...kinds.flatMap((k) => k.skipped), ...communeRead.skipped];
  const warnings = [...shared.rejected.map((reason) => `left out ${reason}`), ...kinds.flatMap((k) => k.warnings)];
  for (const entry of communeRead.skipped) warnings.push(`left out ${describeSkipped(entry)}`);
  const all = kinds.flatMap((k) => k.pieces).sort(newestFirst);
  // A page that is published again is no longer gone, whatever the CMS still lists.
  const published = new Set(all.map((p) => `/${contentKinds.find((k) => k.key === p.kind)!.section}/${p.slug}/`));
  return {
    data: {
      pieces: all.filter((p) => !p.withdrawn),
      withdrawn: all.filter((p) => p.withdrawn),
      gone: gone.filter((path) => !published.has(path)),
      commune: communeRead.data,
      coverage,
    },
    skipped,
    warnings,
    cache: next,
    rendered: kinds.reduce((n, k) => n + k.rendered, 0),
  };
}
