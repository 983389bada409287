import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyCmsUploads } from '../../site/scripts/copy-cms-uploads.mjs';

const SITE_URL = 'http://localhost:4321';

// A stand-in for the CMS's /uploads (a real HTTP server): it records every path asked for.
describe('copying the uploads a build uses from the CMS', () => {
  let server: Server;
  let mediaUrl: string;
  let dir: string;
  const files = new Map<string, Buffer>();
  const asked: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      asked.push(req.url ?? '');
      const body = files.get(req.url ?? '');
      res.writeHead(body ? 200 : 404).end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    mediaUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'tt-uploads-'));
  });

  beforeEach(() => {
    asked.length = 0;
    files.clear();
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  function writeBuild(name: string, pages: Record<string, string>): string {
    const out = join(dir, name);
    for (const [path, body] of Object.entries(pages)) {
      mkdirSync(dirname(join(out, path)), { recursive: true });
      writeFileSync(join(out, path), body);
    }
    return out;
  }

  const uploadsOf = (out: string) => (existsSync(join(out, 'uploads')) ? readdirSync(join(out, 'uploads'), { recursive: true }).map(String).sort() : []);

  it.each([
    '%2e%2e/%2e%2e/etc/passwd',
    '%2E%2E/admin/init',
    '.%2e/api/articles',
    'anh/%2e%2e/%2e%2e/admin',
    '..%2f..%2fapi%2fusers',
    '%252e%252e/x.jpg',
    '.env',
    'anh%5c..%5cx.jpg',
    '%ff.jpg',
  ])('/uploads/%s is refused, never fetched and never written', async (ref) => {
    files.set('/uploads/that-hop_1a2b3c.jpg', Buffer.from('anh that'));
    const out = writeBuild(`refused-${asked.length}-${Math.random().toString(36).slice(2)}`, {
      'tin-tuc/bai/index.html': `<p><img src="/uploads/${ref}" alt=""></p><p><img src="/uploads/that-hop_1a2b3c.jpg" alt=""></p>`,
    });
    const result = await copyCmsUploads(out, { mediaUrl, siteUrl: SITE_URL });
    expect(result.refused).toEqual([ref]);
    expect(asked).toEqual(['/uploads/that-hop_1a2b3c.jpg']);
    expect(uploadsOf(out)).toEqual([expect.stringMatching(/^that-hop_1a2b3c\.[0-9a-f]{16}\.jpg$/)]);
    expect(readdirSync(out).sort()).toEqual(['tin-tuc', 'uploads']);
  });

  it('a file gets a name from its bytes, and a replaced file under the same CMS name gets a new one', async () => {
    const page = '<p><img src="/uploads/hoi-nghi_7f3a2b.jpg" alt="Hội nghị"></p>';
    const feed = `<rss><item><description><![CDATA[<img src="${SITE_URL}/uploads/hoi-nghi_7f3a2b.jpg">]]></description><content>&lt;img src=&quot;${SITE_URL}/uploads/hoi-nghi_7f3a2b.jpg&quot;&gt;</content><enclosure url="https://anh.example/uploads/hoi-nghi_7f3a2b.jpg"/></item></rss>`;
    files.set('/uploads/hoi-nghi_7f3a2b.jpg', Buffer.from('anh goc co khuon mat'));
    const first = writeBuild('first', { 'tin-tuc/bai/index.html': page, 'rss.xml': feed });
    expect((await copyCmsUploads(first, { mediaUrl, siteUrl: SITE_URL })).copied).toBe(1);
    const [firstName] = uploadsOf(first);
    expect(firstName).toMatch(/^hoi-nghi_7f3a2b\.[0-9a-f]{16}\.jpg$/);
    expect(readFileSync(join(first, 'uploads', firstName), 'utf8')).toBe('anh goc co khuon mat');
    expect(readFileSync(join(first, 'tin-tuc/bai/index.html'), 'utf8')).toBe(`<p><img src="/uploads/${firstName}" alt="Hội nghị"></p>`);
    const firstFeed = readFileSync(join(first, 'rss.xml'), 'utf8');
    expect(firstFeed.split(`${SITE_URL}/uploads/${firstName}`)).toHaveLength(3);
    expect(firstFeed).toContain('https://anh.example/uploads/hoi-nghi_7f3a2b.jpg'); // someone else's image

    // The editor replaces the photo in the media library: same CMS address, new bytes.
    files.set('/uploads/hoi-nghi_7f3a2b.jpg', Buffer.from('anh moi da che khuon mat'));
    const second = writeBuild('second', { 'tin-tuc/bai/index.html': page, 'rss.xml': feed });
    await copyCmsUploads(second, { mediaUrl, siteUrl: SITE_URL });
    const [secondName] = uploadsOf(second);
    expect(secondName).not.toBe(firstName);
    expect(readFileSync(join(second, 'uploads', secondName), 'utf8')).toBe('anh moi da che khuon mat');
    const html = readFileSync(join(second, 'tin-tuc/bai/index.html'), 'utf8');
    expect(html).toContain(`/uploads/${secondName}`);
    expect(html).not.toContain(firstName);
    expect(readFileSync(join(second, 'rss.xml'), 'utf8')).not.toContain(firstName);
    expect(uploadsOf(second)).toEqual([secondName]);
  });

  it('an upload the CMS no longer has is reported and its reference left as it was', async () => {
    const out = writeBuild('missing', { 'index.html': '<img src="/uploads/da-xoa_9c8b7a.png" alt="">' });
    const result = await copyCmsUploads(out, { mediaUrl, siteUrl: SITE_URL });
    expect(result).toEqual({ copied: 0, missing: ['da-xoa_9c8b7a.png (404)'], refused: [] });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<img src="/uploads/da-xoa_9c8b7a.png" alt="">');
  });
});
