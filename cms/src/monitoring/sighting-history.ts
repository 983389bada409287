import type { Core, UID } from '@strapi/strapi';
import { SIGHTING_STATUS, sighting, uidOf } from '@thanh-thuy/content-types';
import { actingUser, nameOf } from './acting-user';

export const SIGHTING_UID = uidOf(sighting) as UID.ContentType;

type Data = Record<string, unknown>;
export interface HandlingStep {
  at: string;
  state: string;
  note: string | null;
  by: string | null;
}
interface StoredSighting {
  state: string;
  loggedBy: string | null;
  passedToPolice: boolean | null;
  steps?: Array<HandlingStep & { id?: number }>;
}

const noteOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * A sighting's handling history is written by the CMS, never by the form: on every save the
 * stored steps are kept as they are and one is appended when the state changes or the editor
 * leaves a note (then the note field is emptied, its words now live in the step). Whatever
 * `steps` the request carries is ignored, so an edit cannot rewrite or drop the history.
 * `loggedBy` is the admin who created the sighting; `passedToPolice` stays set once the
 * sighting has gone to Công an xã, so they keep seeing it after they settle it.
 */
export function registerSightingHistory(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== SIGHTING_UID || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { data?: Data; documentId?: string };
    const data: Data = { ...(params.data ?? {}) };
    const by = nameOf(actingUser(strapi));
    const at = new Date().toISOString();

    if (context.action === 'create') {
      const state = typeof data.state === 'string' && data.state ? data.state : SIGHTING_STATUS.new;
      data.state = state;
      data.loggedBy = by ?? noteOf(data.loggedBy);
      data.steps = [{ at, state, note: noteOf(data.handlingNote), by }];
      data.passedToPolice = state === SIGHTING_STATUS.toPolice;
      data.handlingNote = null;
      params.data = data;
      return next();
    }

    if (!params.documentId) return next();
    const current = (await strapi.documents(SIGHTING_UID).findOne({ documentId: params.documentId, populate: { steps: true } } as never)) as StoredSighting | null;
    if (!current) return next();
    const state = typeof data.state === 'string' && data.state ? data.state : current.state;
    const note = noteOf(data.handlingNote);
    const steps: HandlingStep[] = (current.steps ?? []).map(({ at: when, state: was, note: said, by: who }) => ({ at: when, state: was, note: said, by: who }));
    if (state !== current.state || note) steps.push({ at, state, note, by });
    data.steps = steps;
    data.handlingNote = null;
    data.loggedBy = current.loggedBy;
    data.passedToPolice = Boolean(current.passedToPolice) || state === SIGHTING_STATUS.toPolice;
    params.data = data;
    return next();
  });
}
