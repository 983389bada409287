import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReleaseBuilder } from '../../scripts/rebuild/release-builder.ts';
import { newBuildId, readReleases } from '../../scripts/rebuild/releases/release-store.ts';
import type { BuildRun } from '../../scripts/rebuild/scheduling/build-scheduler.ts';
import { fakeBuildCommand } from '../rebuild/helpers/fake-build.ts';

// Workers on one machine share each commune's folder (DATA_DIR/communes/<slug>). A worker tidies
// a commune it built once it is idle, and by then the queue may have given that commune's next
// job to another worker, whose build is being written into a newer folder of builds/ (or whose
// build process links a spare into `.linking-<id>`). Found by the province bench: a tidy removed
// such a build's folder while it was written (ENOENT on one of its pages); removed just before
// it went live, the live site would have been an emptied folder.

const newRun = (): BuildRun => ({ id: newBuildId(), reason: 'change', attempt: 1, changes: [], startedAt: new Date().toISOString(), signal: new AbortController().signal });

describe('a province worker tidying a commune it built', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tt-under-way-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('removes the commune’s old releases but never a build another worker has under way, which a restarted builder then clears', async () => {
    const options = { dataDir: dir, build: { command: fakeBuildCommand(), cwd: dir, env: {} }, precompress: false, compressionByCaller: true, tidyByCaller: true, log: () => {} };
    const worker = createReleaseBuilder(options);
    await worker.prepare();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const run = newRun();
      await worker.build(run);
      ids.push(run.id);
    }
    const { builds } = worker.layout;
    expect(await readReleases(worker.layout)).toEqual({ current: ids[2], previous: ids[1] });
    expect(worker.untidy()).toBe(3);

    // Meanwhile another worker took the commune's next job: its build and a spare it links,
    // both started after the live release, are being written.
    const underWay = newBuildId(new Date(Date.now() + 1000));
    mkdirSync(join(builds, underWay, 'tin-tuc'), { recursive: true });
    writeFileSync(join(builds, underWay, 'tin-tuc', 'index.html'), '<!doctype html><title>Tin tức</title>');
    const linking = `.linking-${newBuildId(new Date(Date.now() + 2000))}`;
    mkdirSync(join(builds, linking));

    await worker.tidy();
    expect(worker.untidy()).toBe(0);
    // The oldest release went; the other worker's build and spare are as they were.
    expect(existsSync(join(builds, ids[0]))).toBe(false);
    expect(readdirSync(builds).sort()).toEqual([linking, ids[1], ids[2], underWay].sort());
    expect(existsSync(join(builds, underWay, 'tin-tuc', 'index.html'))).toBe(true);

    // A builder starting on this commune holds its job: what is newer than the live release was
    // then left by a crash, and goes.
    worker.stop();
    const restarted = createReleaseBuilder(options);
    await restarted.prepare();
    expect(readdirSync(builds).sort()).toEqual([ids[1], ids[2]].sort());
    restarted.stop();
  });
});
