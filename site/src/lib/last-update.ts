import type { Correction, PieceData } from './piece-types';

export interface LastUpdate {
  /** When the latest change went public: a later publish, or the latest correction's own date. */
  at: string;
  /** What changed, in the editor's words: the latest correction note, when there is one. */
  note: string | null;
}

const latestCorrection = (corrections: Correction[]): Correction | undefined =>
  corrections.reduce<Correction | undefined>((latest, c) => (!latest || Date.parse(c.date) > Date.parse(latest.date) ? c : latest), undefined);

/**
 * The piece's "Cập nhật": null for a piece published once and never corrected. A correction
 * published later dates the update by that publish; a correction note kept on a piece published
 * once (imported or seeded) by the note's own date.
 */
export function lastUpdateOf(piece: Pick<PieceData, 'republishedAt' | 'corrections'>): LastUpdate | null {
  const correction = latestCorrection(piece.corrections);
  const dates = [piece.republishedAt, correction?.date].filter((d): d is string => Boolean(d));
  if (dates.length === 0) return null;
  const at = dates.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
  return { at, note: correction?.note ?? null };
}
