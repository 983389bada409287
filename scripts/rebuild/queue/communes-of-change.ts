import { communesReached } from '@thanh-thuy/content-types';
import { z } from 'zod';
import type { WebhookEvent } from '../intake/webhook-payload.ts';

// The tenancy fields of a piece (content-types: tailFields, tenancy.ts). They are plain
// columns, so Strapi's webhook carries them in `entry` (it carries no relations).
const tenancySchema = z
  .object({
    commune: z.string().nullable().optional(),
    provinceWide: z.boolean().nullable().optional(),
    addressedTo: z.string().nullable().optional(),
  })
  .passthrough();

export type Addressed = { communes: string[]; unknown: string[] };

/**
 * Which communes' portals a change reaches: a piece of one commune rebuilds that commune's
 * portal, a province-wide piece those it is addressed to, or every portal. Anything that names
 * no commune (a taxonomy term, a media file, a piece without tenancy) may show on any portal,
 * so every portal is rebuilt. A social post made by one commune's account changes that
 * commune's portal only. Slugs this installation does not serve come back apart.
 */
export function communesOf(event: WebhookEvent, all: readonly string[]): Addressed {
  if (event.kind === 'shared-post' && event.payload.commune) return communesReached({ commune: event.payload.commune }, all);
  if (event.kind !== 'entry') return { communes: [...all], unknown: [] };
  const tenancy = tenancySchema.safeParse(event.payload.entry);
  if (!tenancy.success) return { communes: [...all], unknown: [] };
  return communesReached(tenancy.data, all);
}
