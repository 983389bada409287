import { groupOf, pieceGroups } from './piece-groups';
import type { PieceData } from './piece-types';
import { sectionOf } from './sections';
import { memoized, siteData, type CommuneData } from './site-data';

export type Piece = PieceData;
export type { CommuneData };

/** Every published piece of every kind, newest first. */
export async function allPieces(): Promise<Piece[]> {
  return siteData().pieces;
}

export async function piecesOfKind(kind: string): Promise<Piece[]> {
  return groupOf(pieceGroups().byKind, sectionOf(kind).key);
}

export const pieceUrl = (piece: Pick<Piece, 'kind' | 'slug'>) => `/${sectionOf(piece.kind).path}/${piece.slug}/`;

/** The piece at /<section>/<slug>/ (a withdrawn one too: it keeps its page), or undefined. */
export async function pieceAt(section: string | undefined, slug: string | undefined): Promise<Piece | undefined> {
  const byUrl = memoized('pieces-by-url', (data) => new Map([...data.pieces, ...data.withdrawn].map((p) => [pieceUrl(p), p])));
  return byUrl.get(`/${section}/${slug}/`);
}

/** The commune's details, or null when the CMS has none (or they were left out as invalid). */
export async function communeDetails(): Promise<CommuneData | null> {
  return siteData().commune;
}
