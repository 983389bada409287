import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../../scripts/rebuild/serving/portal.ts';
import { precompress } from '../../scripts/rebuild/releases/precompress.ts';
import { activate, siteLayout } from '../../scripts/rebuild/releases/release-store.ts';
import { writeFixtureBuild } from './helpers/fixture-build.ts';

/** A raw GET that sends the path exactly as given (fetch would normalise "..") */
function rawGet(url: string, path: string): Promise<{ status: number; location: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/`, { method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.path = path;
    req.end();
  });
}

describe('the portal server', () => {
  let dir: string;
  let portal: Portal;
  let files: Record<string, string>;
  const layout = () => siteLayout(join(dir, 'data'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-portal-'));
    portal = await startPortal({ dataDir: join(dir, 'data'), port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await portal?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 in Vietnamese while no build is live yet', async () => {
    const res = await fetch(`${portal.url}/`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('10');
    expect(await res.text()).toContain('đang được dựng');
  });

  it('serves the live build once it is switched to', async () => {
    files = writeFixtureBuild(join(layout().builds, 'b1'), 'một');
    await activate(layout(), 'b1');
    const res = await fetch(`${portal.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(files['index.html']);
  });

  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/tin-tuc/bai-mot/', 'text/html; charset=utf-8', 'no-cache'],
    ['/rss.xml', 'application/rss+xml; charset=utf-8', 'no-cache'],
    ['/tin-tuc/rss.xml', 'application/rss+xml; charset=utf-8', 'no-cache'],
    ['/sitemap-index.xml', 'application/xml; charset=utf-8', 'no-cache'],
    ['/_astro/site.Ab12Cd.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/search.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/favicon.svg', 'image/svg+xml', 'no-cache'],
    ['/pagefind/pagefind.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/pagefind/pagefind-entry.json', 'application/json; charset=utf-8', 'no-cache'],
    ['/pagefind/fragment/vi_3a1b2c.pf_fragment', 'application/octet-stream', 'public, max-age=31536000, immutable'],
    ['/uploads/hoi-nghi_7f3a2b.0123456789abcdef.jpg', 'image/jpeg', 'public, max-age=31536000, immutable'],
    ['/uploads/anh-cu_7f3a2b.jpg', 'image/jpeg', 'no-cache'],
  ])('%s is sent as %s with Cache-Control: %s', async (path, type, cache) => {
    const res = await fetch(`${portal.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe(cache);
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
  });

  it('every response carries the security headers', async () => {
    for (const path of ['/', '/_astro/site.Ab12Cd.css', '/khong-co/']) {
      const res = await fetch(`${portal.url}${path}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it("a page's policy allows its own inline scripts by hash and nothing else inline", async () => {
    const res = await fetch(`${portal.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update('document.documentElement.dataset.js = "1";').digest('base64');
    expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp.match(/'sha256-/g)).toHaveLength(1); // the JSON-LD block is data, not a script
  });

  it('an unknown address gets the Vietnamese 404 page with status 404', async () => {
    const res = await fetch(`${portal.url}/tin-tuc/khong-co-bai-nay/`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(files['404.html']);
  });

  it('a directory without its trailing slash is redirected to it', async () => {
    const res = await fetch(`${portal.url}/tin-tuc/bai-mot?ref=rss`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/tin-tuc/bai-mot/?ref=rss');
  });

  it.each(['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/tin-tuc/..%2f..%2f..%2fetc/passwd', '/.secret', '/index.html%00.css'])(
    '%s never leaves the build directory',
    async (path) => {
      const res = await rawGet(portal.url, path);
      expect([400, 404]).toContain(res.status);
      expect(res.body).not.toContain('root:');
    },
  );

  // Browsers read a Location of "//host/x" or "/\\host/x" as another site: an open redirect.
  it.each([
    ['/.//tin-tuc', '/tin-tuc/'],
    ['//tin-tuc', '/tin-tuc/'],
    ['///tin-tuc/', '/tin-tuc/'],
    ['//evil.example/', null],
    ['//evil.example/tin-tuc', null],
    ['/.//evil.example/', null],
    ['/%2e//evil.example', null],
    ['/%2f%2fevil.example/', null],
    ['/%2F/evil.example/', null],
    ['/\\evil.example/', null],
    ['/%5cevil.example/', null],
    ['/%5c%5cevil.example/tin-tuc', null],
    ['/tin-tuc/.//bai-mot', '/tin-tuc/bai-mot/'],
    ['/tin-tuc//bai-mot?ref=//evil.example', '/tin-tuc/bai-mot/?ref=//evil.example'],
    ['/./tin-tuc?next=/\\evil.example', '/tin-tuc/?next=/\\evil.example'],
    ['/%09/evil.example/', null],
    ['/tin-tuc/bai-mot//', '/tin-tuc/bai-mot/'],
  ])('%s never redirects to another site', async (path, landing) => {
    let location: string | undefined;
    let at = path;
    const seen: Array<string | undefined> = [];
    for (let hop = 0; hop < 3; hop++) {
      const res = await rawGet(portal.url, at);
      expect([200, 301, 400, 404]).toContain(res.status);
      seen.push(res.location);
      if (res.status !== 301) break;
      location = res.location ?? '';
      expect(location).toMatch(/^\/(?![\/\\])/);
      expect(new URL(location, 'http://portal.test/').host).toBe('portal.test');
      at = location;
    }
    if (landing) {
      expect(location, seen.join(' → ')).toBe(landing);
      expect((await rawGet(portal.url, landing)).status).toBe(200);
    }
  });

  it('revalidation with the ETag answers 304 without a body', async () => {
    const first = await fetch(`${portal.url}/tin-tuc/`);
    const etag = first.headers.get('etag') ?? '';
    const again = await fetch(`${portal.url}/tin-tuc/`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('HEAD answers the headers only; other methods are refused', async () => {
    const head = await fetch(`${portal.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(files['index.html'])));
    expect((await fetch(`${portal.url}/`, { method: 'POST' })).status).toBe(405);
  });

  it('precompressed copies are sent to browsers that accept them, the original to others', async () => {
    const result = await precompress(join(layout().builds, 'b1'));
    expect(result.compressed).toBeGreaterThanOrEqual(5);
    const br = await rawFetch(`${portal.url}/tin-tuc/bai-mot/`, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(files['tin-tuc/bai-mot/index.html']);
    const gz = await rawFetch(`${portal.url}/_astro/site.Ab12Cd.css`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(files['_astro/site.Ab12Cd.css']);
    const plain = await rawFetch(`${portal.url}/tin-tuc/bai-mot/`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(files['tin-tuc/bai-mot/index.html']);
    expect(br.headers.etag).not.toBe(plain.headers.etag);
  });

  it('the next build reuses the compressed copies of files that did not change', async () => {
    const next = join(layout().builds, 'b2');
    writeFixtureBuild(next, 'hai');
    const result = await precompress(next, { previousDir: join(layout().builds, 'b1') });
    expect(result.reused).toBeGreaterThanOrEqual(2); // the hashed CSS, search.js, the 404 page
    expect(statSync(join(next, '_astro/site.Ab12Cd.css.br')).ino).toBe(statSync(join(layout().builds, 'b1', '_astro/site.Ab12Cd.css.br')).ino);
    expect(readdirSync(next).some((f) => f.endsWith('.tmp'))).toBe(false);
  });
  // Switching builds under visitors: static-server-swap.test.ts.
});

function rawFetch(url: string, acceptEncoding: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

