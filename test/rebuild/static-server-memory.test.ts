import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../../scripts/rebuild/serving/portal.ts';
import { activate, siteLayout } from '../../scripts/rebuild/releases/release-store.ts';
import { waitFor } from './helpers/wait.ts';

const run = promisify(execFile);
const sha1 = (data: string | Buffer) => `"${createHash('sha1').update(data).digest('base64url')}"`;

/** Writes release `id` with `pages` article pages of a few kilobytes each; returns path → body. */
function writeRelease(builds: string, id: string, pages: number): Record<string, string> {
  const files: Record<string, string> = {};
  const page = (title: string) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body>${`<p>${title}: nội dung.</p>`.repeat(150)}</body></html>`;
  files['index.html'] = page(`Trang chủ ${id}`);
  files['404.html'] = page('Không tìm thấy trang');
  for (let n = 1; n <= pages; n++) files[`tin-tuc/bai-${n}/index.html`] = page(`Bài ${n} của ${id}`);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(builds, id, path)), { recursive: true });
    writeFileSync(join(builds, id, path), body);
  }
  return files;
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

// The server keeps what it learns of a live release in memory (pages, their ETags and
// policies) and does not read the `current` link on every request: these tests hold it to
// what it serves, whatever it keeps.
describe('a portal server that keeps the live release in memory', () => {
  let dir: string;
  let portal: Portal;
  const layout = () => siteLayout(join(dir, 'data'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-memory-'));
    mkdirSync(layout().builds, { recursive: true });
    // Room for a few pages only, so that most requests find their page pushed out.
    portal = await startPortal({ dataDir: join(dir, 'data'), port: 0, host: '127.0.0.1', memoryBytes: 40 * 1024 });
  });

  afterAll(async () => {
    await portal?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves every page of a release larger than its memory, each whole and under its own ETag', async () => {
    const files = writeRelease(layout().builds, 'm1', 40);
    await activate(layout(), 'm1');
    for (let round = 0; round < 2; round++) {
      for (let n = 1; n <= 40; n++) {
        const res = await get(`${portal.url}/tin-tuc/bai-${n}/`, { 'accept-encoding': 'identity' });
        const body = files[`tin-tuc/bai-${n}/index.html`];
        expect(res.status).toBe(200);
        expect(res.body.toString()).toBe(body);
        expect(res.headers.etag).toBe(sha1(body));
      }
    }
  });

  it('a release switched by another process, which cannot tell the server, is served from the next request on', async () => {
    const releases = { s1: writeRelease(layout().builds, 's1', 3), s2: writeRelease(layout().builds, 's2', 3) };
    const swapElsewhere = `const fs = require('node:fs'); const [link, target] = process.argv.slice(1);
      fs.symlinkSync(target, link + '.other.tmp'); fs.renameSync(link + '.other.tmp', link);`;
    await activate(layout(), 's1');
    for (let round = 0; round < 10; round++) {
      for (const id of ['s2', 's1'] as const) {
        await run(process.execPath, ['-e', swapElsewhere, layout().current, `builds/${id}`]);
        const res = await get(`${portal.url}/tin-tuc/bai-2/`, { 'accept-encoding': 'identity' });
        expect(res.body.toString(), `round ${round}, just after the switch to ${id}`).toBe(releases[id]['tin-tuc/bai-2/index.html']);
      }
    }
  });

  it('compressed copies written by another process after the release went live are sent soon after', async () => {
    const files = writeRelease(layout().builds, 'c1', 1);
    await activate(layout(), 'c1');
    const before = await get(`${portal.url}/tin-tuc/bai-1/`, { 'accept-encoding': 'br' });
    expect(before.headers['content-encoding']).toBeUndefined();
    // What precompress.ts writes, but from elsewhere: no in-process news of it.
    const path = join(layout().builds, 'c1', 'tin-tuc/bai-1/index.html');
    writeFileSync(`${path}.br.tmp`, brotliCompressSync(files['tin-tuc/bai-1/index.html']));
    await run('mv', [`${path}.br.tmp`, `${path}.br`]);
    const after = await waitFor(
      'the brotli copy to be sent',
      async () => {
        const res = await get(`${portal.url}/tin-tuc/bai-1/`, { 'accept-encoding': 'br' });
        return res.headers['content-encoding'] === 'br' && res;
      },
      5_000,
      50,
    );
    expect(brotliDecompressSync(after.body).toString()).toBe(files['tin-tuc/bai-1/index.html']);
    expect(after.headers.etag).toBe(sha1(files['tin-tuc/bai-1/index.html']).replace(/"$/, '-br"'));
  });
});
