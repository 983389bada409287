import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../../scripts/rebuild/serving/portal.ts';
import { activate, siteLayout } from '../../scripts/rebuild/releases/release-store.ts';

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('base64url');
const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('base64');

interface Release {
  id: string;
  /** path → body */
  files: Record<string, string>;
  /** The hash source of each page's inline script, which only this release's policy allows. */
  scriptHash: string;
}

// A page far larger than what the kernel buffers on a loopback connection (a few MB), so a
// visitor who reads slowly is still being sent it, from an open file, when the build changes.
const LARGE_PAGE_LINES = 250_000;

function writeRelease(root: string, id: string): Release {
  const script = `window.banDung = ${JSON.stringify(id)};`;
  const page = (title: string, lines: number) =>
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title} ${id}</title><script>${script}</script></head><body>` +
    `<p>Bản dựng ${id}: nội dung của trang.</p>\n`.repeat(lines) +
    '</body></html>';
  const files: Record<string, string> = {
    'index.html': page('Trang chủ', 10),
    '404.html': page('Không tìm thấy trang', 1),
    'tin-tuc/bai-mot/index.html': page('Bài một', 40),
    'tin-tuc/bai-dai/index.html': page('Bài dài', LARGE_PAGE_LINES),
  };
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(root, id, path)), { recursive: true });
    writeFileSync(join(root, id, path), body);
  }
  return { id, files, scriptHash: `'sha256-${sha256(script)}'` };
}

interface Received {
  status: number;
  headers: IncomingMessage['headers'];
  length: number;
  digest: string;
}

/**
 * A visitor on a slow line: the request is sent, the headers and a first chunk arrive, and
 * then nothing is read until `resume()` is called. Bodies are digested, not kept.
 */
function slowVisitor(url: string): Promise<{ resume: () => Promise<Received> }> {
  return new Promise((started, failed) => {
    request(url, { headers: { 'accept-encoding': 'identity' } }, (res) => {
      const hash = createHash('sha1');
      let length = 0;
      let finished: (r: Received) => void;
      const done = new Promise<Received>((resolve) => (finished = resolve));
      res.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        length += chunk.length;
      });
      res.on('end', () => finished({ status: res.statusCode ?? 0, headers: res.headers, length, digest: hash.digest('base64url') }));
      res.once('data', () => {
        res.pause();
        started({
          resume: () => {
            res.resume();
            return done;
          },
        });
      });
      res.on('error', failed);
    })
      .on('error', failed)
      .end();
  });
}

/** Which release a response is from, checked against every header that describes the body. */
function releaseOf(received: Received, path: string, releases: Release[]): string {
  const release = releases.find((r) => sha1(r.files[path]) === received.digest);
  expect(release, `${path}: a body that is no release's whole page (${received.length} bytes)`).toBeDefined();
  const body = release!.files[path];
  expect(received.status).toBe(200);
  expect(received.length).toBe(Buffer.byteLength(body));
  expect(received.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  expect(received.headers.etag).toBe(`"${sha1(body)}"`);
  const csp = String(received.headers['content-security-policy']);
  expect(csp).toContain(release!.scriptHash);
  for (const other of releases) if (other !== release) expect(csp).not.toContain(other.scriptHash);
  return release!.id;
}

describe('switching builds under visitors', () => {
  let dir: string;
  let portal: Portal;
  const layout = () => siteLayout(join(dir, 'data'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-swap-'));
    mkdirSync(layout().builds, { recursive: true });
    portal = await startPortal({ dataDir: join(dir, 'data'), port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await portal?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every request in flight during a switch, and during the deletion of its build, gets that whole build: body, ETag and policy', async () => {
    const releases = ['s1', 's2', 's3', 's4'].map((id) => writeRelease(layout().builds, id));
    await activate(layout(), 's1');
    for (const [i, release] of releases.slice(0, -1).entries()) {
      const next = releases[i + 1];
      // Slow visitors of the large page and of a short one start on `release`…
      const slow = await Promise.all([
        ...Array.from({ length: 3 }, () => slowVisitor(`${portal.url}/tin-tuc/bai-dai/`)),
        slowVisitor(`${portal.url}/tin-tuc/bai-mot/`),
      ]);
      // …the next build goes live and the one they started on is deleted from the disk…
      await activate(layout(), next.id);
      rmSync(join(layout().builds, release.id), { recursive: true, force: true });
      // …while quick visitors keep coming.
      const quick = await Promise.all(Array.from({ length: 8 }, () => slowVisitor(`${portal.url}/tin-tuc/bai-mot/`).then((v) => v.resume())));
      const finished = await Promise.all(slow.map((v) => v.resume()));
      expect(finished.slice(0, 3).map((r) => releaseOf(r, 'tin-tuc/bai-dai/index.html', releases))).toEqual([release.id, release.id, release.id]);
      expect(releaseOf(finished[3], 'tin-tuc/bai-mot/index.html', releases)).toBe(release.id);
      expect(quick.map((r) => releaseOf(r, 'tin-tuc/bai-mot/index.html', releases))).toEqual(quick.map(() => next.id));
    }
  });

  it('visitors requesting pages while builds are switched back and forth always get one whole build', async () => {
    const releases = ['t1', 't2', 't3'].map((id) => writeRelease(layout().builds, id));
    await activate(layout(), 't1');
    let switching = true;
    const switcher = (async () => {
      for (let round = 0; round < 20; round++) for (const r of releases) await activate(layout(), r.id);
      switching = false;
    })();
    const seen = new Set<string>();
    const visitors = Array.from({ length: 6 }, async () => {
      while (switching) {
        const received = await (await slowVisitor(`${portal.url}/tin-tuc/bai-mot/`)).resume();
        seen.add(releaseOf(received, 'tin-tuc/bai-mot/index.html', releases));
      }
    });
    await Promise.all([switcher, ...visitors]);
    expect(seen.size).toBeGreaterThan(1);
  });
});
