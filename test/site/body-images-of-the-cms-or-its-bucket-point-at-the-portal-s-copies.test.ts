import { describe, expect, it } from 'vitest';
import { portalImageSrc } from '../../site/src/render/markdown.ts';

describe('an image in an editor’s Markdown', () => {
  it.each([
    ['/uploads/anh_1a2b.jpg', 'http://127.0.0.1:1337', '/uploads/anh_1a2b.jpg'],
    ['http://localhost:1337/uploads/anh_1a2b.jpg', 'http://127.0.0.1:1337', '/uploads/anh_1a2b.jpg'],
    ['http://127.0.0.1:9000/media/uploads/anh_1a2b.jpg', 'http://127.0.0.1:9000/media', '/uploads/anh_1a2b.jpg'],
    ['https://cdn.phutho.gov.vn/uploads/anh_1a2b.jpg', 'https://cdn.phutho.gov.vn', '/uploads/anh_1a2b.jpg'],
  ])('%s, with media read at %s, becomes the portal’s own %s', (src, base, expected) => {
    expect(portalImageSrc(src, base)).toBe(expected);
  });

  it.each([
    ['another bucket on the same store', 'http://127.0.0.1:9000/other/uploads/anh.jpg', 'http://127.0.0.1:9000/media'],
    ['the bucket outside uploads/', 'http://127.0.0.1:9000/media/anh.jpg', 'http://127.0.0.1:9000/media'],
    ['a path climbing out of uploads/', 'http://127.0.0.1:9000/media/uploads/../secret.jpg', 'http://127.0.0.1:9000/media'],
    ['another port', 'http://127.0.0.1:9001/media/uploads/anh.jpg', 'http://127.0.0.1:9000/media'],
    ['another site', 'https://example.com/uploads/anh.jpg', 'http://127.0.0.1:1337'],
  ])('on %s stays as it is', (_what, src, base) => {
    expect(portalImageSrc(src, base)).toBe(src);
  });
});
