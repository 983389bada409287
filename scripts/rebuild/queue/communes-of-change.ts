import { z } from 'zod';
import type { WebhookEvent } from '../intake/webhook-payload.ts';

// The tenancy fields an entry event may carry (issue 13): the commune a piece belongs to, or,
// for a province-wide piece, the communes it is addressed to (none named: all of them).
// Strapi posts relations as populated objects or bare ids depending on the hook, so a
// commune is taken as its slug, alone or inside an object.
const communeRef = z.union([z.string().min(1), z.object({ slug: z.string().min(1) }).passthrough().transform((c) => c.slug)]);
const tenancySchema = z
  .object({
    commune: communeRef.nullable().optional(),
    provinceWide: z.boolean().optional(),
    communes: z.array(communeRef).optional(),
  })
  .passthrough();

export type Addressed = { communes: string[]; why: string };

/**
 * Which communes' portals a change reaches. A piece of one commune rebuilds that commune's
 * portal; a province-wide piece rebuilds those it is addressed to, or every portal. Anything
 * that names no commune (a taxonomy term, a media file, an event without tenancy) may show on
 * any portal, so every portal is rebuilt: a needless build costs less than a missed change.
 * Slugs this installation does not serve are left out (and reported by the caller).
 */
export function communesOf(event: WebhookEvent, all: readonly string[]): Addressed & { unknown: string[] } {
  const served = new Set(all);
  const pick = (names: string[], why: string) => ({ communes: [...new Set(names.filter((n) => served.has(n)))], unknown: names.filter((n) => !served.has(n)), why });
  if (event.kind !== 'entry') return { communes: [...all], unknown: [], why: `${event.kind} event: every portal` };
  const tenancy = tenancySchema.safeParse(event.payload.entry);
  if (!tenancy.success) return { communes: [...all], unknown: [], why: 'unreadable tenancy fields: every portal' };
  const { commune, provinceWide, communes } = tenancy.data;
  if (provinceWide) return communes?.length ? pick(communes, 'province-wide, addressed') : { communes: [...all], unknown: [], why: 'province-wide: every portal' };
  if (commune) return pick([commune], 'one commune');
  return { communes: [...all], unknown: [], why: 'no commune named: every portal' };
}
