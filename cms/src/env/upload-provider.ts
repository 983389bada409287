import { uploadPublicUrl } from '@thanh-thuy/content-types';

type Env = Record<string, string | undefined>;

/**
 * Strapi's S3 upload provider when UPLOAD_BUCKET is set (a province's CMS nodes share no disk);
 * nothing otherwise: media stay in public/uploads, as for one commune. Files are keyed
 * uploads/<hash><ext> and named by UPLOAD_PUBLIC_URL, so the portal's build finds them under
 * the same uploads/ path as on the CMS (content-types media-origin.ts).
 */
export function uploadProvider(env: Env): Record<string, unknown> {
  const bucket = env.UPLOAD_BUCKET?.trim();
  if (!bucket) return {};
  const keyId = env.S3_ACCESS_KEY_ID;
  const secret = env.S3_SECRET_ACCESS_KEY;
  if (Boolean(keyId) !== Boolean(secret)) throw new Error('UPLOAD_BUCKET: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the SDK then finds its own credentials)');
  const endpoint = env.S3_ENDPOINT?.trim();
  if (endpoint && !/^https?:\/\//.test(endpoint)) throw new Error(`S3_ENDPOINT must be an http(s) address, not "${endpoint}"`);
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: uploadPublicUrl(env),
      rootPath: 'uploads',
      s3Options: {
        region: env.S3_REGION?.trim() || 'us-east-1',
        ...(endpoint ? { endpoint } : {}),
        forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' || env.S3_FORCE_PATH_STYLE === '1' : Boolean(endpoint),
        ...(keyId && secret ? { credentials: { accessKeyId: keyId, secretAccessKey: secret } } : {}),
        // As for releases (scripts/rebuild/object-store/object-store-env.ts): many S3-compatible
        // stores refuse the SDK's default CRC32 trailers.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        // No ACL header: buckets made since 2023 refuse ACLs; the bucket's policy makes it public.
        params: { Bucket: bucket, ACL: undefined },
      },
    },
    actionOptions: { upload: {}, uploadStream: {}, delete: {} },
  };
}

/** The media origin the admin's CSP must allow for images and video, when media are in a bucket. */
export function uploadOrigin(env: Env): string | null {
  const url = uploadPublicUrl(env);
  return url ? new URL(url).origin : null;
}
