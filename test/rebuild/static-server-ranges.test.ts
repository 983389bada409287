import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../../scripts/rebuild/serving/portal.ts';
import { precompress } from '../../scripts/rebuild/releases/precompress.ts';
import { activate, siteLayout } from '../../scripts/rebuild/releases/release-store.ts';
import { writeFixtureBuild } from './helpers/fixture-build.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET (or HEAD) with exactly the headers given: fetch would add Accept-Encoding. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

// A video a commune posts is a few megabytes; iOS Safari plays it only when the server
// answers byte ranges, asking for "bytes=0-1" first and then for pieces.
describe('byte ranges on the portal server', () => {
  let dir: string;
  let portal: Portal;
  let video: Buffer;
  const VIDEO = '/uploads/le-ra-quan.3f9a2c1b7d.mp4';
  const url = (path = VIDEO) => `${portal.url}${path}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-ranges-'));
    const layout = siteLayout(join(dir, 'data'));
    const build = join(layout.builds, 'b1');
    writeFixtureBuild(build, 'một');
    video = randomBytes(3 * 1024 * 1024 + 17);
    mkdirSync(join(build, 'uploads'), { recursive: true });
    writeFileSync(join(build, VIDEO), video);
    await precompress(build);
    await activate(layout, 'b1');
    portal = await startPortal({ dataDir: join(dir, 'data'), port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await portal?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a whole file is streamed intact and says that ranges are accepted', async () => {
    const res = await get(url());
    expect(res.status).toBe(200);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['content-length']).toBe(String(video.length));
    expect(res.headers.etag).toBe(`"${createHash('sha1').update(video).digest('base64url')}"`);
    expect(res.body.equals(video)).toBe(true);
  });

  it.each([
    ['bytes=0-1', 0, 1],
    ['bytes=0-99', 0, 99],
    ['bytes=1048576-2097151', 1_048_576, 2_097_151],
    ['bytes=3145000-', 3_145_000, 3 * 1024 * 1024 + 16],
    ['bytes=-500', 3 * 1024 * 1024 + 17 - 500, 3 * 1024 * 1024 + 16],
    ['bytes=3145700-99999999', 3_145_700, 3 * 1024 * 1024 + 16],
  ])('Range: %s is answered 206 with exactly those bytes', async (range, start, end) => {
    const res = await get(url(), { range });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${video.length}`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.body.equals(video.subarray(start, end + 1))).toBe(true);
  });

  it.each(['bytes=3145745-', 'bytes=99999999-100000000'])('Range: %s past the end is answered 416 with the size', async (range) => {
    const res = await get(url(), { range });
    expect(res.status).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${video.length}`);
    expect(res.body.length).toBe(0);
  });

  it.each(['bytes=0-1,100-200', 'lines=0-1', 'bytes=abc'])('Range: %s (several or malformed) gets the whole file', async (range) => {
    const res = await get(url(), { range });
    expect(res.status).toBe(200);
    expect(res.body.equals(video)).toBe(true);
  });

  it('If-Range with the current ETag resumes; with an older one it restarts with the whole new file', async () => {
    const etag = (await get(url(), {}, 'HEAD')).headers.etag as string;
    const resumed = await get(url(), { range: 'bytes=100-199', 'if-range': etag });
    expect(resumed.status).toBe(206);
    expect(resumed.body.equals(video.subarray(100, 200))).toBe(true);
    const restarted = await get(url(), { range: 'bytes=100-199', 'if-range': '"ban-truoc"' });
    expect(restarted.status).toBe(200);
    expect(restarted.body.equals(video)).toBe(true);
  });

  it('HEAD with a Range answers the headers of the part only', async () => {
    const res = await get(url(), { range: 'bytes=10-19' }, 'HEAD');
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 10-19/${video.length}`);
    expect(res.headers['content-length']).toBe('10');
    expect(res.body.length).toBe(0);
  });

  it('a range of a page keeps its security headers and policy', async () => {
    const res = await get(url('/'), { range: 'bytes=0-14', 'accept-encoding': 'identity' });
    expect(res.status).toBe(206);
    expect(res.body.toString()).toBe('<!doctype html>');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('a range of a compressed page is a range of the compressed copy, under its own ETag', async () => {
    const whole = await get(url('/tin-tuc/'), { 'accept-encoding': 'br' });
    expect(whole.headers['content-encoding']).toBe('br');
    const part = await get(url('/tin-tuc/'), { 'accept-encoding': 'br', range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBe('br');
    expect(part.headers.etag).toBe(whole.headers.etag);
    expect(part.body.equals(whole.body.subarray(0, 10))).toBe(true);
  });

  it('the 404 page ignores Range and is sent whole with status 404', async () => {
    const res = await get(url('/uploads/khong-co.mp4'), { range: 'bytes=0-9' });
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain('Không tìm thấy trang');
    expect(res.headers['content-range']).toBeUndefined();
  });
});
