import type { PieceData } from './piece-types';
import { groupOf, type PieceGroups } from './piece-groups';

/** What the home page lists: the fact-check alerts and the newest pieces of each kind. */
export function homePieces(groups: PieceGroups) {
  const newest = (kind: string, n: number) => groupOf(groups.byKind, kind).slice(0, n);
  // Alerts are about false or misleading claims; a claim found true is no alert.
  const alerts: PieceData[] = [];
  for (const piece of groupOf(groups.byKind, 'fact-check')) {
    if (alerts.length === 3) break;
    if (piece.fields.verdict !== 'Đúng') alerts.push(piece);
  }
  return { alerts, guides: newest('service-guide', 6), articles: newest('article', 6), practices: newest('model-practice', 3) };
}
