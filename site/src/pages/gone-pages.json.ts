import { createHash } from 'node:crypto';
import type { APIRoute } from 'astro';
import { siteData } from '../lib/site-data';

/** How the portal server recognises a removed path: sha256 of the path, hex (scripts/rebuild/serving/gone-paths.ts). */
const hashOf = (path: string) => createHash('sha256').update(path).digest('hex');

// The paths removed with "Gỡ bỏ" (issue 10), which the portal server answers 410 Gone: the page
// and its print notice. Hashes, not paths: a path may carry the very name that was the reason
// for removing, and this file is served like any other.
export const GET: APIRoute = () => {
  const hashes = siteData().gone.flatMap((path) => [path, `${path}ban-in/`]).map(hashOf).sort();
  return new Response(JSON.stringify({ sha256: hashes }), { headers: { 'content-type': 'application/json' } });
};
