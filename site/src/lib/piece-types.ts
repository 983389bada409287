import type { ContentKindKey, SharedChannel } from '@thanh-thuy/content-types';

// What the pages read from the content layer: the CMS entry as validated by the zod schema
// derived in content-types (api-schema.ts), plus what the loader derives from it. These
// interfaces name only what the templates use; the model itself lives in content-types.

export interface TermRef {
  key: string;
  label: string;
}

export interface SiteImage {
  /** Absolute URL of the original on the CMS (Astro downloads and resizes it at build time). */
  src: string;
  width: number;
  height: number;
  alt: string;
}

export interface Correction {
  date: string;
  note: string;
}

export interface PieceData {
  kind: ContentKindKey;
  documentId: string;
  slug: string;
  title: string;
  summary: string;
  /**
   * When the piece was first published (the CMS's firstPublishedAt): the date it shows and is
   * ordered by everywhere. A correction published later never moves it.
   */
  publishedAt: string;
  /** When a later publish (a correction) went public, or null when there was none. */
  republishedAt: string | null;
  /**
   * "Thu hồi" (issue 10): when and why the commune withdrew the piece, or null. A withdrawn
   * piece keeps its page, with a notice, and leaves listings, feeds and search.
   */
  withdrawn: { at: string; reason: string } | null;
  updatedAt: string;
  themes: TermRef[];
  taskGroups: TermRef[];
  audiences: TermRef[];
  channels: TermRef[];
  unit: TermRef | null;
  cover: SiteImage | null;
  corrections: Correction[];
  /** Sanitised HTML of the markdown fields, by field name (body, evidence). */
  html: Record<string, string>;
  /** Accent-folded đ-words for the search index (see fold-search-words.ts). */
  searchFold: string;
  /** The remaining validated fields of the entry, by field name. */
  fields: Record<string, unknown>;
  /** The commune's posts of this piece on social platforms (GET /api/crosspost/shared). */
  sharedOn: SharedOnLink[];
}

export interface SharedOnLink {
  channel: SharedChannel;
  url: string;
}

export interface GuideStep {
  text: string;
  screenshot: SiteImage | null;
}
