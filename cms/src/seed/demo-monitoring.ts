import type { Core, UID } from '@strapi/strapi';
import { HARM_LEVELS, OUTREACH_CHANNELS, SIGHTING_PLATFORMS, SIGHTING_STATUSES, factCheck, outreachActivity, sighting, uidOf } from '@thanh-thuy/content-types';
import { z } from 'zod';
import data from './demo-monitoring.json';

const SIGHTING_UID = uidOf(sighting) as UID.ContentType;
const ACTIVITY_UID = uidOf(outreachActivity) as UID.ContentType;

const instant = z.string().datetime({ offset: true });
const demoSchema = z.object({
  sightings: z.array(
    z.object({
      platform: z.enum(SIGHTING_PLATFORMS),
      outlet: z.string().optional(),
      url: z.string().url().optional(),
      content: z.string().min(1),
      seenAt: instant,
      harm: z.enum(HARM_LEVELS),
      themes: z.array(z.string()),
      factCheck: z.string().optional(),
      steps: z.array(z.object({ state: z.enum(SIGHTING_STATUSES as [string, ...string[]]), at: instant, by: z.string(), note: z.string().nullable() })).min(1),
    }),
  ),
  activities: z.array(
    z.object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      channel: z.enum(OUTREACH_CHANNELS),
      unit: z.string(),
      residentialArea: z.string().optional(),
      themes: z.array(z.string()),
      description: z.string().min(1),
      times: z.number().int().min(0).optional(),
      minutes: z.number().int().min(0).optional(),
      peopleReached: z.number().int().min(0).optional(),
    }),
  ),
});

type Lookups = Record<string, Map<string, string>>;
type Record_ = { documents: Array<{ uid: string; documentId: string }> };

function pick(map: Map<string, string> | undefined, key: string, what: string): string {
  const id = map?.get(key);
  if (!id) throw new Error(`Demo monitoring data refers to unknown ${what} "${key}" (cms/src/seed/demo-monitoring.json)`);
  return id;
}

/**
 * The demo sightings, with their handling history as it happened (the CMS writes each step at
 * the time of the change, so the steps' dates are set afterwards), and the demo activities.
 */
export async function seedDemoMonitoring(strapi: Core.Strapi, lookups: Lookups, record: Record_): Promise<void> {
  const parsed = demoSchema.safeParse(data);
  if (!parsed.success) throw new Error(`cms/src/seed/demo-monitoring.json is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const factChecks = (await strapi.documents(uidOf(factCheck) as UID.ContentType).findMany({ status: 'published', fields: ['title'], limit: 1000 } as never)) as unknown as Array<{ documentId: string; title: string }>;
  const factCheckByTitle = new Map(factChecks.map((f) => [f.title, f.documentId]));
  const sightings = strapi.documents(SIGHTING_UID);

  for (const { steps, themes, factCheck: rebuttal, seenAt, ...fields } of parsed.data.sightings) {
    const [first, ...rest] = steps;
    const created = (await sightings.create({
      data: {
        ...fields,
        seenAt: new Date(seenAt).toISOString(),
        loggedBy: first.by,
        state: first.state,
        handlingNote: first.note,
        themes: themes.map((key) => pick(lookups.theme, key, 'theme')),
        ...(rebuttal ? { factCheck: pick(factCheckByTitle, rebuttal, 'fact-check') } : {}),
      },
    } as never)) as { documentId: string };
    record.documents.push({ uid: SIGHTING_UID, documentId: created.documentId });
    for (const step of rest) await sightings.update({ documentId: created.documentId, data: { state: step.state, handlingNote: step.note } } as never);
    const stored = (await strapi.db.query(SIGHTING_UID).findOne({ where: { documentId: created.documentId }, populate: { steps: { orderBy: { id: 'asc' } } } })) as {
      id: number;
      steps: Array<{ id: number }>;
    };
    await Promise.all(
      stored.steps.map((row, index) => strapi.db.query('monitoring.handling-step' as never).update({ where: { id: row.id }, data: { at: new Date(steps[index].at), by: steps[index].by } })),
    );
    await strapi.db.query(SIGHTING_UID).update({ where: { id: stored.id }, data: { loggedBy: first.by, createdAt: new Date(steps[0].at) } });
  }

  for (const { unit, residentialArea, themes, ...fields } of parsed.data.activities) {
    const created = (await strapi.documents(ACTIVITY_UID).create({
      data: {
        ...fields,
        unit: pick(lookups.unit, unit, 'unit'),
        ...(residentialArea ? { residentialArea: pick(lookups['residential-area'], residentialArea, 'residential area') } : {}),
        themes: themes.map((key) => pick(lookups.theme, key, 'theme')),
      },
    } as never)) as { documentId: string };
    record.documents.push({ uid: ACTIVITY_UID, documentId: created.documentId });
  }
}
