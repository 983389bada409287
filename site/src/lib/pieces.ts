import { getCollection, getEntry } from 'astro:content';
import { unpackData } from './packed-data';
import type { PieceData } from './piece-types';
import { sectionOf, sections } from './sections';

export type Piece = PieceData;

const newestFirst = (a: Piece, b: Piece) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0);

let all: Promise<Piece[]> | undefined;

/** Every published piece of every kind, newest first (memoised for the build). */
export function allPieces(): Promise<Piece[]> {
  all ??= Promise.all(sections.map((s) => getCollection(s.collection))).then((lists) =>
    lists.flat().map((e) => unpackData<Piece>(e.data)).sort(newestFirst),
  );
  return all;
}

export async function piecesOfKind(kind: string): Promise<Piece[]> {
  const key = sectionOf(kind).key;
  return (await allPieces()).filter((p) => p.kind === key);
}

export const pieceUrl = (piece: Pick<Piece, 'kind' | 'slug'>) => `/${sectionOf(piece.kind).path}/${piece.slug}/`;

export interface CommuneData {
  name: string;
  authority: string;
  province: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  workingHours?: string | null;
  introductionHtml: string;
  leaders?: Array<{ name: string; position: string; phone?: string | null }> | null;
  socials?: Array<{ platform: string; name: string; url: string }> | null;
}

let commune: Promise<CommuneData | null> | undefined;

/** The commune's details (memoised: every page's layout reads them, and each getEntry walks the entry). */
export function communeDetails(): Promise<CommuneData | null> {
  commune ??= getEntry('commune', 'commune').then((entry) => (entry?.data as unknown as CommuneData) ?? null);
  return commune;
}
