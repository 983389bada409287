// A media file's `related` lists every row that uses it, draft rows included: through
// `populate[cover][populate]=*` anyone able to read a published piece read the unpublished edits
// of every piece sharing the image. Nothing outside the admin needs the back-link, so it is
// private: the content API neither serialises it nor lets a query populate or filter on it.
export default (plugin: { contentTypes: { file: { schema: { attributes: { related: Record<string, unknown> } } } } }) => {
  plugin.contentTypes.file.schema.attributes.related.private = true;
  return plugin;
};
