import { allTypes, outreachActivity, uidOf, type ContentTypeDefinition } from '@thanh-thuy/content-types';
import type { WebhookEvent } from './webhook-payload.ts';

/** One thing that changed, keyed so that repeated events about it count once. */
export interface SiteChange {
  /** `<uid>:<documentId>` for entries (the row id changes on every publish), `media:<id>` for files. */
  key: string;
  event: string;
}

export type Decision = { affects: true; change: SiteChange } | { affects: false; reason: string };

const typesByUid = new Map<string, ContentTypeDefinition>(allTypes.map((type) => [uidOf(type), type]));

/**
 * Internal types the portal never shows, whose changes still move a number on /ke-hoach/ (the
 * plan's coverage counts activities per channel). Their change key names no piece, so the build
 * reads the CMS again and re-renders the pages whose digest changed: that one page.
 */
const COUNTED_INTERNAL = new Set([uidOf(outreachActivity)]);

/**
 * Decides whether an event changes what visitors see. Publishing from the admin fires
 * entry.update (of the draft) and then entry.publish; a Draft & Publish piece's draft being
 * edited never reaches the portal. Taxonomy types and the commune single type have no
 * drafts: every change to them is public. entry.delete fires once per row (draft and
 * published, strapi/strapi#21932): only the published row's deletion matters.
 */
export function affectsSite(event: WebhookEvent, types: ReadonlyMap<string, ContentTypeDefinition> = typesByUid): Decision {
  if (event.kind === 'media') {
    const { media } = event.payload;
    return { affects: true, change: { key: `media:${media.id ?? media.name ?? 'unknown'}`, event: event.payload.event } };
  }
  if (event.kind === 'shared-post') {
    // The CMS sends it only when a social post's public link appears or changes.
    const { pieceUid, pieceId, event: name } = event.payload;
    if (!types.has(pieceUid)) return { affects: false, reason: `${pieceUid} is not published on the portal` };
    return { affects: true, change: { key: `${pieceUid}:${pieceId}`, event: name } };
  }
  if (event.kind === 'other') return { affects: false, reason: `event ${event.payload.event} does not change the portal` };

  const { event: name, uid, entry } = event.payload;
  if (COUNTED_INTERNAL.has(uid)) return { affects: true, change: { key: `${uid}:${entry.documentId ?? entry.id ?? 'unknown'}`, event: name } };
  const type = types.get(uid);
  if (!type) return { affects: false, reason: `${uid} is not published on the portal` };
  const change = { key: `${uid}:${entry.documentId ?? entry.id ?? 'single'}`, event: name };
  if (name === 'entry.publish' || name === 'entry.unpublish') return { affects: true, change };
  if (name === 'entry.draft-discard') return { affects: false, reason: 'discarding a draft leaves the published version as it was' };
  if (!type.draftAndPublish) return { affects: true, change };
  // A missing publishedAt is treated as published: rebuilding needlessly is cheaper than missing a change.
  if (entry.publishedAt === null) return { affects: false, reason: `${name} of a draft of ${change.key}` };
  return { affects: true, change };
}
