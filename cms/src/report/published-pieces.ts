import type { Core } from '@strapi/strapi';
import { contentKinds, localDay, taxonomy, uidOf, type ContentKindDefinition, type ReportPiece } from '@thanh-thuy/content-types';

/** Whose records a report reads: one commune's (in a province), or all the installation holds. */
export interface ReportScope {
  commune?: string;
}

/** A published piece of the period with what the report groups it by. */
export interface PeriodPiece extends ReportPiece {
  firstPublishedAt: string;
  themeKeys: string[];
  unitKey: string | null;
  areaName: string | null;
  summary: string;
  subjectName: string | null;
  /** Tenancy (content-types tenancy.ts): whose piece it is, in a province. */
  commune: string | null;
  provinceWide: boolean;
}

type Row = {
  documentId: string;
  title: string;
  slug: string;
  summary: string;
  firstPublishedAt: string | null;
  publishedAt: string;
  subjectName?: string | null;
  commune?: string | null;
  provinceWide?: boolean | null;
  themes?: Array<{ key: string }>;
  unit?: { key: string; label: string } | null;
  residentialArea?: { name: string } | null;
};

export const kindLabel = (kind: ContentKindDefinition) => taxonomy.contentKinds.find((k) => k.key === kind.key)?.label ?? kind.displayName;
export const pieceUrl = (portalUrl: string, kind: ContentKindDefinition, slug: string) => `${portalUrl}/${kind.section}/${slug}/`;

/**
 * The published rows first published in [start, end), of one commune's own (rowOf) when the
 * scope names one: its commune and not province-wide, asked of the database rather than
 * filtered from the whole province's rows (a portal's build asks for its coverage).
 */
function periodWhere(start: Date, end: Date, scope: ReportScope) {
  const own = scope.commune ? [{ commune: scope.commune }, { $or: [{ provinceWide: false }, { provinceWide: { $null: true } }] }] : [];
  return {
    $and: [
      { publishedAt: { $notNull: true } },
      { $or: [{ firstPublishedAt: { $gte: start, $lt: end } }, { firstPublishedAt: { $null: true }, publishedAt: { $gte: start, $lt: end } }] },
      ...own,
    ],
  };
}

/**
 * The pieces first published in [start, end): published rows only (Strapi 5 keeps a draft row
 * and a published row per document; an unpublished or deleted document has no published row),
 * dated by firstPublishedAt, which a later publish of a correction does not move. A row from
 * before that field existed falls back to its publishedAt.
 */
export async function publishedPieces(strapi: Core.Strapi, start: Date, end: Date, portalUrl: string, scope: ReportScope = {}): Promise<PeriodPiece[]> {
  const pieces: PeriodPiece[] = [];
  for (const kind of contentKinds) {
    const hasArea = 'residentialArea' in kind.fields;
    const rows = (await strapi.db.query(uidOf(kind) as never).findMany({
      where: periodWhere(start, end, scope),
      select: ['documentId', 'title', 'slug', 'summary', 'firstPublishedAt', 'publishedAt', 'commune', 'provinceWide', ...('subjectName' in kind.fields ? ['subjectName'] : [])],
      populate: {
        themes: { select: ['key'] },
        unit: { select: ['key', 'label'] },
        ...(hasArea ? { residentialArea: { select: ['name'] } } : {}),
      },
    })) as Row[];
    for (const row of rows) {
      const firstPublishedAt = new Date(row.firstPublishedAt ?? row.publishedAt).toISOString();
      const themeKeys = (row.themes ?? []).map((t) => t.key);
      pieces.push({
        documentId: row.documentId,
        kind: kind.key,
        kindLabel: kindLabel(kind),
        title: row.title,
        day: localDay(firstPublishedAt),
        url: pieceUrl(portalUrl, kind, row.slug),
        themes: taxonomy.themes.filter((t) => themeKeys.includes(t.key)).map((t) => t.section),
        unit: row.unit?.label ?? null,
        firstPublishedAt,
        themeKeys,
        unitKey: row.unit?.key ?? null,
        areaName: row.residentialArea?.name ?? null,
        summary: row.summary ?? '',
        subjectName: row.subjectName ?? null,
        commune: row.commune ?? null,
        provinceWide: row.provinceWide === true,
      });
    }
  }
  return pieces.sort((a, b) => (a.firstPublishedAt === b.firstPublishedAt ? a.title.localeCompare(b.title, 'vi') : a.firstPublishedAt < b.firstPublishedAt ? -1 : 1));
}

/** What the plan's coverage counts of a piece: its kind and themes, and whose it is. */
export type CoveragePiece = Pick<PeriodPiece, 'kind' | 'themeKeys' | 'commune' | 'provinceWide'>;

/**
 * The same pieces as publishedPieces, read for the plan's coverage only: no title, summary,
 * unit or residential area. A portal's build asks for its coverage at every publish, so this
 * runs on the province's busiest path.
 */
export async function coveragePieces(strapi: Core.Strapi, start: Date, end: Date, scope: ReportScope = {}): Promise<CoveragePiece[]> {
  const pieces: CoveragePiece[] = [];
  for (const kind of contentKinds) {
    const rows = (await strapi.db.query(uidOf(kind) as never).findMany({
      where: periodWhere(start, end, scope),
      select: ['id', 'commune', 'provinceWide'],
      populate: { themes: { select: ['key'] } },
    })) as Array<Pick<Row, 'commune' | 'provinceWide' | 'themes'>>;
    for (const row of rows) pieces.push({ kind: kind.key, themeKeys: (row.themes ?? []).map((t) => t.key), commune: row.commune ?? null, provinceWide: row.provinceWide === true });
  }
  return pieces;
}
