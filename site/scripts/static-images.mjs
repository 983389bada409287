// Images of a server-rendered release, made the way Astro's static build makes them. In a
// server bundle `astro:assets` answers with `/_image?…` URLs unless `addStaticImage` is set;
// setting it (as Astro's own static build does, astro/dist/assets/vite-plugin-assets.js)
// gives each transform its `/_astro/<name>_<hash>.<format>` file name, the same name a static
// build gave it, and generateImages() writes the files with Astro's sharp service.
import { existsSync, mkdirSync } from 'node:fs';
import { copyFile, link, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharpService from 'astro/assets/services/sharp';
import { hashTransform, propsToFilename } from 'astro/assets/utils';

const SERVICE = 'astro/assets/services/sharp';
const ASSETS_DIR = '_astro';
const CONCURRENCY = 2;

/** Every transform any render of this process asked for, by the file path it was given. */
const transforms = new Map();

function addStaticImage(options, hashProperties) {
  const src = typeof options.src === 'string' ? options.src : options.src.src;
  const hash = hashTransform(options, SERVICE, hashProperties);
  const finalPath = `/${ASSETS_DIR}${propsToFilename(src, options, hash)}`;
  if (!transforms.has(finalPath)) transforms.set(finalPath, { ...options });
  return encodeURI(finalPath);
}

/** Makes `astro:assets` in the bundle name images as static files (call before rendering). */
export function collectStaticImages() {
  globalThis.astroAsset ??= {};
  globalThis.astroAsset.addStaticImage = addStaticImage;
  return { take: () => transforms };
}

async function fetchOriginal(src) {
  let res;
  try {
    res = await fetch(src);
  } catch (error) {
    throw new Error(`Image unreachable: GET ${src.split('?')[0]} failed (${error.cause ?? error.message})`, { cause: error });
  }
  if (!res.ok) throw new Error(`Image request failed with status ${res.status}: GET ${src.split('?')[0]}`);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * Writes each of `wanted` (paths like "/_astro/x_abc.webp") that `outDir` lacks. A generated
 * image is kept in `cacheDir` by its name (which hashes the source address and the
 * transform), so it is made once and linked into every release that shows it.
 */
export async function generateImages(known, wanted, outDir, cacheDir) {
  mkdirSync(cacheDir, { recursive: true });
  const queue = [...wanted].filter((path) => !existsSync(join(outDir, path)));
  const originals = new Map();
  async function next() {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const transform = known.get(path);
      if (!transform) throw new Error(`A page shows ${path}, but no render asked for it`);
      const cached = join(cacheDir, path.slice(ASSETS_DIR.length + 2));
      if (!existsSync(cached)) {
        let original = originals.get(transform.src);
        if (!original) originals.set(transform.src, (original = fetchOriginal(transform.src)));
        const { data } = await sharpService.transform(await original, transform, { service: { entrypoint: SERVICE, config: {} } });
        const temp = `${cached}.${process.pid}.tmp`;
        await writeFile(temp, data);
        await rename(temp, cached);
      }
      const target = join(outDir, path);
      await mkdir(dirname(target), { recursive: true });
      // Cached images are never written in place, so a link is safe; across file systems, a copy.
      await link(cached, target).catch((error) => (error.code === 'EXDEV' ? copyFile(cached, target) : Promise.reject(error)));
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, next));
}
