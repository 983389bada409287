import type { Core } from '@strapi/strapi';
import { REVIEW_STATE, type ReviewState } from '@thanh-thuy/content-types';
import { EDITORIAL_REVIEW_UID, reviewOf, type ReviewRecord } from './approval';

export interface ReviewStep {
  at: string;
  state: ReviewState;
  note: string | null;
  by: string | null;
  byId: number | null;
}

export interface Reviewer {
  id: number;
  name: string | null;
}

export type RecordChange = Partial<Pick<ReviewRecord, 'submittedById' | 'submittedBy' | 'submittedAt'>> & {
  approvedById?: number | null;
  approvedDigest?: string | null;
};

/** The record with its steps, oldest first (a piece never sent for review has none). */
export async function reviewWithSteps(strapi: Core.Strapi, pieceUid: string, pieceId: string): Promise<(ReviewRecord & { steps: ReviewStep[] }) | null> {
  const found = (await strapi.db.query(EDITORIAL_REVIEW_UID).findOne({ where: { pieceUid, pieceId }, populate: { steps: true } })) as
    | (ReviewRecord & { steps?: ReviewStep[] })
    | null;
  return found ? { ...found, steps: found.steps ?? [] } : null;
}

const cleanSteps = (steps: ReviewStep[]) => steps.map(({ at, state, note, by, byId }) => ({ at, state, note, by, byId }));

/**
 * Moves a piece to `state` and appends one step (who, when, comment). The record is written
 * through the document service so its repeatable component is stored as Strapi stores any.
 */
export async function recordStep(
  strapi: Core.Strapi,
  piece: { uid: string; documentId: string },
  state: ReviewState,
  who: Reviewer | null,
  note: string | null,
  change: RecordChange = {},
): Promise<void> {
  const current = await reviewWithSteps(strapi, piece.uid, piece.documentId);
  const step: ReviewStep = { at: new Date().toISOString(), state, note, by: who?.name ?? null, byId: who?.id ?? null };
  const data = { state, ...change, steps: [...cleanSteps(current?.steps ?? []), step] };
  const documents = strapi.documents(EDITORIAL_REVIEW_UID);
  if (current) await documents.update({ documentId: current.documentId, data } as never);
  else await documents.create({ data: { pieceUid: piece.uid, pieceId: piece.documentId, ...data } } as never);
}

export const stateOf = (record: ReviewRecord | null): ReviewState => record?.state ?? REVIEW_STATE.writing;
export { reviewOf };
