import { getImage } from 'astro:assets';
import type { SiteImage } from './piece-types';

type ShareImage = Awaited<ReturnType<typeof getImage>>;

// Pieces reuse a few cover images, and a piece page asks for its share image twice (og:image
// and JSON-LD): each getImage call hashes its options and registers the transform again.
const cache = new Map<string, Promise<ShareImage>>();

/** The share preview of an image: one JPEG at most 1200 px wide (what social sites want). */
export function shareImage(image: SiteImage): Promise<ShareImage> {
  const width = Math.min(1200, image.width);
  const height = Math.round((width * image.height) / image.width);
  const key = `${image.src} ${width}x${height}`;
  let found = cache.get(key);
  if (!found) {
    found = getImage({ src: image.src, width, height, format: 'jpeg' });
    cache.set(key, found);
  }
  return found;
}
