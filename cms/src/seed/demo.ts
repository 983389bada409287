import type { Core, UID } from '@strapi/strapi';
import { kindByKey, uidOf } from '@thanh-thuy/content-types';
import { demoDecision } from './demo-decision';
import { drawDemoImage } from './demo-images';
import { seedDemoMonitoring } from './demo-monitoring';
import { demoCommune, demoPieces, demoResidentialAreas, type DemoImage, type DemoPiece } from './demo-content';

type Doc = { documentId: string; id: number };
type DemoRecord = { documents: Array<{ uid: string; documentId: string }>; files: number[]; removed?: boolean };

const store = (strapi: Core.Strapi) => strapi.store({ type: 'core', name: 'thanh-thuy-demo' });
const KEY = 'record';
const kindUids = ['article', 'model-practice', 'service-guide', 'fact-check'].map((k) => uidOf(kindByKey(k)) as UID.ContentType);

async function idsByKey(strapi: Core.Strapi, singular: string): Promise<Map<string, string>> {
  const rows = (await strapi.documents(`api::${singular}.${singular}` as UID.ContentType).findMany({ limit: 1000 } as never)) as Array<Doc & { key?: string; name?: string }>;
  return new Map(rows.map((r) => [String(r.key ?? r.name), r.documentId]));
}

async function uploadImage(strapi: Core.Strapi, image: DemoImage, alt: string, record: DemoRecord): Promise<number> {
  const { filepath, size } = await drawDemoImage(image);
  const upload = strapi.plugin('upload').service('upload') as {
    upload: (input: unknown) => Promise<Array<{ id: number }>>;
  };
  const [file] = await upload.upload({
    data: { fileInfo: { name: `${image.name}.jpg`, alternativeText: alt, caption: '' } },
    files: { filepath, originalFilename: `${image.name}.jpg`, mimetype: 'image/jpeg', size },
  });
  record.files.push(file.id);
  return file.id;
}

function pick(map: Map<string, string>, keys: string[], what: string): string[] {
  return keys.map((key) => {
    const id = map.get(key);
    if (!id) throw new Error(`Demo content refers to unknown ${what} "${key}"`);
    return id;
  });
}

async function createPiece(strapi: Core.Strapi, piece: DemoPiece, lookups: Record<string, Map<string, string>>, record: DemoRecord): Promise<void> {
  const uid = uidOf(kindByKey(piece.kind)) as UID.ContentType;
  const data: Record<string, unknown> = {
    ...piece.data,
    themes: pick(lookups.theme, piece.themes, 'theme'),
    taskGroups: pick(lookups['task-group'], piece.taskGroups, 'task group'),
    audiences: pick(lookups.audience, piece.audiences, 'audience'),
    channels: pick(lookups.channel, piece.channels, 'channel'),
    unit: pick(lookups.unit, [piece.unit], 'unit')[0],
  };
  if (piece.residentialArea) data.residentialArea = pick(lookups['residential-area'], [piece.residentialArea], 'residential area')[0];
  if (piece.cover) data.cover = await uploadImage(strapi, piece.cover, String(piece.data.coverAlt ?? ''), record);
  if (piece.stepScreenshots && Array.isArray(data.steps)) {
    const steps = data.steps as Array<Record<string, unknown>>;
    data.steps = await Promise.all(
      steps.map(async (step, i) => {
        const shot = piece.stepScreenshots?.[i];
        return shot ? { ...step, screenshot: await uploadImage(strapi, shot, String(step.screenshotAlt ?? ''), record) } : step;
      }),
    );
  }
  const documents = strapi.documents(uid);
  const created = (await documents.create({ data } as never)) as Doc;
  record.documents.push({ uid, documentId: created.documentId });
  if (piece.draft) return;
  await documents.publish({ documentId: created.documentId } as never);
  // Demo pieces carry the dates they would have had during the campaign; publish stamps "now".
  // Only the published row gets a publishedAt (a draft row with one would count as published);
  // both rows get the first publication date, so a later publish of the draft keeps it.
  const at = new Date(piece.publishedAt);
  await strapi.db.query(uid).updateMany({ where: { documentId: created.documentId, publishedAt: { $notNull: true } }, data: { publishedAt: at, firstPublishedAt: at, createdAt: at, updatedAt: at } });
  await strapi.db.query(uid).updateMany({ where: { documentId: created.documentId, publishedAt: { $null: true } }, data: { firstPublishedAt: at, createdAt: at, updatedAt: at } });
}

async function isEmpty(strapi: Core.Strapi): Promise<boolean> {
  for (const uid of kindUids) {
    if ((await strapi.documents(uid).count({ status: 'draft' } as never)) > 0) return false;
  }
  return true;
}

/**
 * Loads the demo set into an empty database, once (not again after it was removed), when
 * `env` allows it (demo-decision.ts: never on a production start).
 */
export async function seedDemoIfEmpty(strapi: Core.Strapi, env: { NODE_ENV?: string; SEED_DEMO?: string }): Promise<void> {
  const decision = demoDecision(env);
  if (!decision.load) {
    strapi.log[decision.ignoredSetting ? 'warn' : 'info'](`Demo content not loaded: ${decision.reason}`);
    return;
  }
  const previous = (await store(strapi).get({ key: KEY })) as DemoRecord | null;
  if (previous?.removed || !(await isEmpty(strapi))) return;
  const record: DemoRecord = { documents: [], files: [] };
  const areas = strapi.documents('api::residential-area.residential-area' as UID.ContentType);
  if ((await areas.count({} as never)) === 0) {
    for (const area of demoResidentialAreas) {
      const created = (await areas.create({ data: area } as never)) as Doc;
      record.documents.push({ uid: 'api::residential-area.residential-area', documentId: created.documentId });
    }
  }
  const commune = strapi.documents('api::commune.commune' as UID.ContentType);
  const current = (await commune.findFirst({} as never)) as Doc | null;
  if (current) await commune.update({ documentId: current.documentId, data: demoCommune } as never);

  const lookups: Record<string, Map<string, string>> = {};
  for (const singular of ['theme', 'task-group', 'audience', 'channel', 'unit', 'residential-area']) {
    lookups[singular] = await idsByKey(strapi, singular);
  }
  try {
    for (const piece of demoPieces) await createPiece(strapi, piece, lookups, record);
    // After the pieces: a sighting names the demo fact-check that answered it.
    await seedDemoMonitoring(strapi, lookups, record);
  } finally {
    await store(strapi).set({ key: KEY, value: record });
  }
  strapi.log.info(`Demo content loaded: ${record.documents.length} entries, ${record.files.length} images`);
}

/** Deletes everything the demo seed created and remembers not to seed it again. */
export async function removeDemo(strapi: Core.Strapi): Promise<{ documents: number; files: number }> {
  const record = ((await store(strapi).get({ key: KEY })) as DemoRecord | null) ?? { documents: [], files: [] };
  let documents = 0;
  for (const { uid, documentId } of record.documents) {
    const deleted = (await strapi.documents(uid as UID.ContentType).delete({ documentId } as never)) as { entries?: unknown[] };
    if (deleted?.entries?.length) documents += 1;
  }
  const upload = strapi.plugin('upload').service('upload') as {
    findOne: (id: number) => Promise<unknown>;
    remove: (file: unknown) => Promise<unknown>;
  };
  let files = 0;
  for (const id of record.files) {
    const file = await upload.findOne(id);
    if (file) {
      await upload.remove(file);
      files += 1;
    }
  }
  await store(strapi).set({ key: KEY, value: { documents: [], files: [], removed: true } });
  return { documents, files };
}
