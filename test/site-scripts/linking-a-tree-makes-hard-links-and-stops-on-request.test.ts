import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTree } from '../../site/scripts/render-site.mjs';

// linkTree is how a release, a spare release and an unchanged search shard start: hard links of
// the live files, never copies, and a build that needs the machine can stop a spare's linking.
describe('linking a release tree', () => {
  let dir: string;
  let from: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tt-link-tree-'));
    from = join(dir, 'release');
    // Enough files that `cp -al` is still running when it is stopped.
    for (let d = 0; d < 40; d++) {
      mkdirSync(join(from, `muc-${d}`), { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(join(from, `muc-${d}`, `trang-${f}.html`), `<p>Trang ${d}-${f}</p>`);
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every file of the new tree the same inode as the live one', async () => {
    const to = join(dir, 'linked');
    expect(await linkTree(from, to)).toBe(true);
    for (const file of ['muc-0/trang-0.html', 'muc-39/trang-99.html']) {
      expect(statSync(join(to, file)).ino).toBe(statSync(join(from, file)).ino);
      expect(readFileSync(join(to, file), 'utf8')).toBe(readFileSync(join(from, file), 'utf8'));
    }
  });

  it('answers false, not an error, when a build stops it', async () => {
    const to = join(dir, 'stopped');
    const stop = new AbortController();
    const linking = linkTree(from, to, stop.signal);
    stop.abort();
    expect(await linking).toBe(false);
    expect(existsSync(join(to, 'muc-39', 'trang-99.html'))).toBe(false);
  });

  it('names the tree it could not link', async () => {
    await expect(linkTree(join(dir, 'khong-co'), join(dir, 'x'))).rejects.toThrow(/cp -al .*khong-co .* failed: .*No such file/);
  });
});
