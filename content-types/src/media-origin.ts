/**
 * Where the CMS's media are read from. By default the CMS serves them itself (/uploads/…); with
 * UPLOAD_BUCKET they live in an S3-compatible object store and are read at UPLOAD_PUBLIC_URL
 * (a CDN or the bucket's own address, `<S3_ENDPOINT>/<UPLOAD_BUCKET>` when not given), under
 * uploads/. The CMS names its files with that base (cms/config/plugins.ts) and the portal's
 * build copies from it (site/scripts/copy-cms-uploads.mjs): both read this one function.
 */
export function uploadPublicUrl(env: Record<string, string | undefined>): string | null {
  const bucket = env.UPLOAD_BUCKET?.trim();
  if (!bucket) return null;
  const given = env.UPLOAD_PUBLIC_URL?.trim();
  if (given) return given.replace(/\/+$/, '');
  const endpoint = env.S3_ENDPOINT?.trim();
  if (endpoint) return `${endpoint.replace(/\/+$/, '')}/${bucket}`;
  const region = env.S3_REGION?.trim() || 'us-east-1';
  return `https://${bucket}.s3.${region}.amazonaws.com`;
}
