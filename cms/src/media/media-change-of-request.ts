import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { FILE_CHANGING_HANDLERS } from '../routes/guard-routes';
import { filesInPublishedUse } from './files-in-published-use';

export const FILE_UID = 'plugin::upload.file';

export interface NamedFile {
  id: number;
  name: string;
  hash: string;
  createdBy?: unknown;
}

export interface MediaChange {
  /** The existing files the request changes or deletes (a deleted folder's included). */
  files: NamedFile[];
  /** Those the portal shows, with the entry that shows them. */
  inPublishedUse: Map<number, string>;
}

interface RequestContext {
  state: { route?: { handler?: unknown; info?: { pluginName?: string } } };
  params?: Record<string, unknown>;
  query: Record<string, unknown>;
  request: { body?: unknown };
}

const ids = z.array(z.coerce.number().int().positive());
const bodySchema = z
  .object({
    fileIds: z.array(z.unknown()).optional(),
    folderIds: z.array(z.unknown()).optional(),
    updates: z.array(z.object({ id: z.unknown() }).passthrough()).optional(),
  })
  .passthrough();

function idsNamedBy(ctx: RequestContext, handler: string): { fileIds: unknown[]; folderIds: unknown[] } {
  const body = bodySchema.safeParse(ctx.request.body ?? {});
  if (!body.success) throw new errors.ValidationError(`Yêu cầu sửa tệp không hợp lệ: ${body.error.issues[0].path.join('.')}: ${body.error.issues[0].message}`);
  const b = body.data;
  switch (handler) {
    case 'admin-upload.upload':
      // Without ?id= this is a new upload, which changes nothing that exists.
      return { fileIds: ctx.query.id === undefined ? [] : [ctx.query.id], folderIds: [] };
    case 'admin-upload.bulkUpdateFileInfo':
      return { fileIds: (b.updates ?? []).map((u) => u.id), folderIds: [] };
    case 'admin-folder-file.deleteMany':
      return { fileIds: b.fileIds ?? [], folderIds: b.folderIds ?? [] };
    case 'admin-file.generateAIMetadata':
      return { fileIds: b.fileIds ?? [], folderIds: [] };
    default:
      return { fileIds: [ctx.params?.id ?? ctx.query.id], folderIds: [] };
  }
}

function parseIds(value: unknown[], what: string): number[] {
  const parsed = ids.safeParse(value);
  if (!parsed.success) throw new errors.ValidationError(`Mã ${what} không hợp lệ: ${JSON.stringify(value)}`);
  return parsed.data;
}

async function computeMediaChange(strapi: Core.Strapi, ctx: RequestContext, handler: string): Promise<MediaChange> {
  const named = idsNamedBy(ctx, handler);
  const fileIds = parseIds(named.fileIds, 'tệp');
  const folderIds = parseIds(named.folderIds, 'thư mục');
  const where: Record<string, unknown>[] = [];
  if (fileIds.length) where.push({ id: { $in: fileIds } });
  if (folderIds.length) {
    // Deleting a folder deletes every file below it.
    const folders = (await strapi.db.query('plugin::upload.folder').findMany({ where: { id: { $in: folderIds } }, select: ['path'] })) as Array<{ path: string }>;
    for (const { path } of folders) where.push({ folderPath: path }, { folderPath: { $startsWith: `${path}/` } });
  }
  if (where.length === 0) return { files: [], inPublishedUse: new Map() };
  // Loaded as the media library's own check loads them, so conditions on the creator still apply.
  const files = (await strapi.db.query(FILE_UID).findMany({
    where: { $or: where },
    select: ['id', 'name', 'hash'],
    populate: { createdBy: { populate: ['roles'] } },
  })) as NamedFile[];
  return { files, inPublishedUse: await filesInPublishedUse(strapi, files) };
}

const cache = new WeakMap<object, Promise<MediaChange | null>>();

/**
 * What a media-library request would change, or null when it changes no existing file.
 * Computed once per request: the editors' permission condition and the route guard both ask.
 */
export function mediaChangeOf(strapi: Core.Strapi, ctx: RequestContext): Promise<MediaChange | null> {
  let change = cache.get(ctx);
  if (!change) {
    const route = ctx.state.route;
    const handler = typeof route?.handler === 'string' ? route.handler : '';
    const changesFiles = route?.info?.pluginName === 'upload' && (FILE_CHANGING_HANDLERS as readonly string[]).includes(handler);
    change = changesFiles ? computeMediaChange(strapi, ctx, handler) : Promise.resolve(null);
    cache.set(ctx, change);
  }
  return change;
}
