import type { PieceData } from './piece-types';
import { isRadioPiece } from './radio/bulletin';
import { memoized, type SiteData } from './site-data';

// The listed pieces by kind, theme, task group and the radio channel, each group newest first
// like the pieces themselves. Grouped in one pass per load of the data: listings, feeds, the
// home page and the digests of every page (render/site-pages.ts) read the groups. A filter over
// every piece per theme, task group, kind and feed cost ~0.35-0.4 s a publish at 10,000 pieces
// (profiled in-process on the synthetic CMS).

export interface PieceGroups {
  byKind: ReadonlyMap<string, PieceData[]>;
  byTheme: ReadonlyMap<string, PieceData[]>;
  byTaskGroup: ReadonlyMap<string, PieceData[]>;
  /** The pieces marked for the commune radio (its bulletin, /truyen-thanh/). */
  radio: PieceData[];
}

const NONE: PieceData[] = [];

function push(groups: Map<string, PieceData[]>, key: string, piece: PieceData): void {
  const group = groups.get(key);
  if (group) group.push(piece);
  else groups.set(key, [piece]);
}

/** `pieces` grouped, keeping their order in every group. */
export function groupPieces(pieces: readonly PieceData[]): PieceGroups {
  const byKind = new Map<string, PieceData[]>();
  const byTheme = new Map<string, PieceData[]>();
  const byTaskGroup = new Map<string, PieceData[]>();
  const radio: PieceData[] = [];
  for (const piece of pieces) {
    push(byKind, piece.kind, piece);
    // A term listed twice on one piece still lists the piece once.
    for (const key of new Set(piece.themes.map((t) => t.key))) push(byTheme, key, piece);
    for (const key of new Set(piece.taskGroups.map((g) => g.key))) push(byTaskGroup, key, piece);
    if (isRadioPiece(piece)) radio.push(piece);
  }
  return { byKind, byTheme, byTaskGroup, radio };
}

/** The groups of `data`, by default the data being rendered; made once per load. */
export const pieceGroups = (data?: SiteData): PieceGroups => memoized('piece-groups', (d) => groupPieces(d.pieces), data);

/** One group (empty when no piece is in it). */
export const groupOf = (groups: ReadonlyMap<string, PieceData[]>, key: string): PieceData[] => groups.get(key) ?? NONE;
