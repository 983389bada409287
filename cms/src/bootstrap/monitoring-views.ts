import type { Core } from '@strapi/strapi';
import { outreachActivity, sighting, uidOf } from '@thanh-thuy/content-types';

type Meta = { edit: Record<string, unknown>; list: Record<string, unknown> };
type Configuration = { settings: Record<string, unknown>; metadatas: Record<string, Meta>; layouts: { list: string[]; edit: unknown } };
type ConfigService = {
  findConfiguration: (schema: unknown) => Promise<Configuration>;
  updateConfiguration: (schema: unknown, conf: Configuration) => Promise<unknown>;
};

// What the content manager's lists show first, and the fields the CMS writes itself: the form
// shows them read-only, since sighting-history.ts ignores what the form sends for them.
const VIEWS = [
  { uid: uidOf(sighting), list: ['content', 'platform', 'harm', 'state', 'seenAt'], readOnly: ['loggedBy', 'passedToPolice', 'steps'] },
  { uid: uidOf(outreachActivity), list: ['date', 'channel', 'description', 'peopleReached'], readOnly: [] },
];

/** Sets the list columns and read-only fields of the monitoring types' admin views; runs after applyAdminLabels. */
export async function applyMonitoringViews(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('content-manager').service('content-types') as ConfigService;
  for (const view of VIEWS) {
    const schema = strapi.contentType(view.uid as never);
    const conf = await service.findConfiguration(schema);
    let changed = JSON.stringify(conf.layouts.list) !== JSON.stringify(view.list);
    conf.layouts.list = view.list;
    for (const field of view.readOnly) {
      const meta = conf.metadatas[field];
      if (!meta) throw new Error(`Cannot make ${view.uid}.${field} read-only in the admin: no such field`);
      if (meta.edit.editable !== false) changed = true;
      meta.edit.editable = false;
    }
    // Newest first by default: the queue by harm is the homepage widget.
    if (conf.settings.defaultSortBy !== (view.uid === uidOf(sighting) ? 'seenAt' : 'date') || conf.settings.defaultSortOrder !== 'DESC') changed = true;
    conf.settings.defaultSortBy = view.uid === uidOf(sighting) ? 'seenAt' : 'date';
    conf.settings.defaultSortOrder = 'DESC';
    if (changed) await service.updateConfiguration(schema, conf);
  }
}
