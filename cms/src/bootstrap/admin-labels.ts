import type { Core } from '@strapi/strapi';
import { adminLabels, allTypes, components, mainFieldOf, outreachActivity, sighting, uidOf } from '@thanh-thuy/content-types';

type Metadatas = Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
type Configuration = { settings: Record<string, unknown>; metadatas: Metadatas; layouts: Record<string, unknown> };
type ConfigService = {
  findConfiguration: (schema: unknown) => Promise<Configuration>;
  updateConfiguration: (schema: unknown, conf: Configuration) => Promise<unknown>;
};

/** Writes the Vietnamese field labels and hints from content-types/ into the admin's edit views. */
export async function applyAdminLabels(strapi: Core.Strapi): Promise<void> {
  const cm = strapi.plugin('content-manager');
  const labels = adminLabels();
  const targets: Array<[ConfigService, unknown, string, string]> = [
    ...[...allTypes, sighting, outreachActivity].map((t) => [cm.service('content-types') as ConfigService, strapi.contentType(uidOf(t) as never), uidOf(t), mainFieldOf(t.fields)] as [ConfigService, unknown, string, string]),
    ...components.map((c) => [cm.service('components') as ConfigService, strapi.components[c.uid as never], c.uid, mainFieldOf(c.fields)] as [ConfigService, unknown, string, string]),
  ];
  for (const [service, schema, uid, mainField] of targets) {
    const conf = await service.findConfiguration(schema);
    const fieldLabels = labels.get(uid) ?? {};
    let changed = conf.settings.mainField !== mainField;
    conf.settings.mainField = mainField;
    for (const [field, { label, description, mainField: relationMain, editable }] of Object.entries(fieldLabels)) {
      const meta = conf.metadatas[field];
      if (!meta) continue;
      const wanted = { label, description, ...(editable === false ? { editable } : {}), ...(relationMain ? { mainField: relationMain } : {}) };
      if (Object.entries(wanted).some(([k, v]) => meta.edit[k] !== v) || meta.list.label !== label) changed = true;
      Object.assign(meta.edit, wanted);
      meta.list.label = label;
    }
    if (changed) await service.updateConfiguration(schema, conf);
  }
}
