import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { communeProfile, contentKinds, messages, outreachActivity, residentialArea, sighting, uidOf } from '@thanh-thuy/content-types';
import { communesOfUser } from './commune-roles';

// What carries «Xã, phường»: a commune's pieces, its entry of details, and the records of its
// office's work (residential areas, sightings, activities).
const pieceUids = new Set([...contentKinds, communeProfile, residentialArea, sighting, outreachActivity].map(uidOf));

type Data = Record<string, unknown>;

function refuse(path: string, message: string): never {
  throw new errors.ValidationError(messages.refusedToSave(message), { errors: [{ path: [path], message, name: 'ValidationError' }] });
}

/**
 * A commune's editor writes for that commune: a new piece without «Xã, phường» is theirs,
 * another commune's code is refused, and so is a province-wide piece (the province's to
 * publish). The permission condition then keeps every later action within the commune.
 * Users who hold no commune role (the office of a single commune, a super admin) are not
 * touched.
 */
export function registerEditorCommune(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!pieceUids.has(context.uid) || !['create', 'update', 'clone'].includes(context.action)) return next();
    const userId = (strapi.requestContext.get() as { state?: { user?: { id?: number } } } | undefined)?.state?.user?.id;
    if (userId === undefined) return next();
    const { communes, confined } = await communesOfUser(strapi, userId);
    if (!confined) return next();
    const params = context.params as { data?: Data; documentId?: string };
    if (context.action === 'clone' && params.documentId) {
      // A clone copies the source's content and its commune: the source must be theirs to read.
      const source = (await strapi.documents(context.uid).findOne({ documentId: params.documentId, status: 'draft' } as never)) as { commune?: string | null } | null;
      if (!source || !communes.includes(source.commune ?? '')) throw new errors.NotFoundError(messages.notFound());
    }
    const data = (params.data ??= {});
    if (data.provinceWide === true || (typeof data.addressedTo === 'string' && data.addressedTo.trim())) refuse('provinceWide', messages.provinceOnly());
    if (typeof data.commune === 'string' && data.commune.trim()) {
      if (!communes.includes(data.commune.trim())) refuse('commune', messages.notYourCommune(data.commune.trim(), communes));
    } else if (context.action === 'create' || 'commune' in data) {
      if (communes.length !== 1) refuse('commune', messages.chooseYourCommune(communes));
      data.commune = communes[0];
    }
    return next();
  });
}
