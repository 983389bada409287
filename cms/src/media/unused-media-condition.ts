import type { Core } from '@strapi/strapi';
import { mediaChangeOf } from './media-change-of-request';
import { publishedReferenceMap } from './files-in-published-use';

export const UNUSED_MEDIA_CONDITION = 'api::media-not-on-the-portal';

// Strapi evaluates a permission condition when it builds a user's abilities (once per request)
// and matches the result against the file in memory. Which files the portal shows depends on
// every published entry, too costly to compute on every request an editor makes, so the
// condition looks only at the files the current request changes. Any other request gets a
// condition that matches no file: nothing but the routes in FILE_CHANGING_HANDLERS may rely
// on it, so a path Strapi adds later is refused rather than let through.
export async function registerUnusedMediaCondition(strapi: Core.Strapi): Promise<void> {
  publishedReferenceMap(strapi); // fail at start, not at an editor's request, on an unknown field type
  const { conditionProvider } = strapi.service('admin::permission') as {
    conditionProvider: { register: (condition: Record<string, unknown>) => Promise<unknown> };
  };
  await conditionProvider.register({
    name: 'media-not-on-the-portal',
    displayName: 'Chỉ tệp chưa hiện trên cổng thông tin (không dùng trong bài đã xuất bản)',
    handler: () => unusedMediaQuery(strapi),
  });
}

/** The files the current request changes that no published entry uses, as a condition's query. */
export async function unusedMediaQuery(strapi: Core.Strapi): Promise<{ id: { $in: number[] } }> {
  const ctx = strapi.requestContext.get() as Parameters<typeof mediaChangeOf>[1] | undefined;
  const change = ctx ? await mediaChangeOf(strapi, ctx) : null;
  const free = change ? change.files.filter((file) => !change.inPublishedUse.has(file.id)).map((file) => file.id) : [];
  return { id: { $in: free } };
}
