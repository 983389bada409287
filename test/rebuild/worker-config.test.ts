import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCommandFrom, loadWorkerEnv, siteBuildCommand } from '../../scripts/rebuild/worker-config.ts';

const roots: string[] = [];
function repoWithBuildScript(script: string, files: string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'tt-config-'));
  roots.push(root);
  mkdirSync(join(root, 'site', 'scripts'), { recursive: true });
  writeFileSync(join(root, 'site', 'package.json'), JSON.stringify({ name: '@thanh-thuy/site', scripts: { build: script } }));
  for (const file of files) writeFileSync(join(root, 'site', file), '');
  return root;
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('the site build command', () => {
  it('runs a `node <file>` build script directly in the site folder, as npm would', () => {
    const root = repoWithBuildScript('node scripts/build.mjs', ['scripts/build.mjs']);
    expect(siteBuildCommand(root, {})).toEqual({ command: [process.execPath, join(root, 'site', 'scripts', 'build.mjs')], cwd: join(root, 'site') });
  });

  it.each(['astro build && pagefind --site dist', 'node scripts/missing.mjs', 'node --inspect scripts/build.mjs'])('falls back to `npm run build -w @thanh-thuy/site` for %s', (script) => {
    const root = repoWithBuildScript(script, ['scripts/build.mjs']);
    expect(siteBuildCommand(root, {})).toEqual({ command: ['npm', 'run', 'build', '-w', '@thanh-thuy/site'], cwd: root });
  });

  it.each([
    ['["node", "-e", "process.exit(1)"]', ['node', '-e', 'process.exit(1)']],
    ['node build.js --fast', ['node', 'build.js', '--fast']],
  ])('SITE_BUILD_COMMAND %s replaces it, run from the repository root', (value, command) => {
    const env = loadWorkerEnv({ SITE_BUILD_COMMAND: value });
    expect(buildCommandFrom(env, '/repo')).toEqual({ command, cwd: '/repo' });
  });

  it.each([
    ['SITE_BUILD_COMMAND', '[1, 2]'],
    ['SITE_BUILD_COMMAND', '[]'],
    ['SITE_BUILD_COMMAND', '["node",'],
    ['BUILD_DEBOUNCE_MS', 'soon'],
    ['BUILD_RETRY_BASE_MS', '-5'],
  ])('an invalid %s (%s) is refused with the variable named', (name, value) => {
    expect(() => loadWorkerEnv({ [name]: value })).toThrow(new RegExp(`^Invalid worker configuration: ${name}`));
  });

  it('the defaults suit a single small server', () => {
    expect(loadWorkerEnv({})).toEqual({ WORKER_HOST: '127.0.0.1', SITE_HOST: '0.0.0.0', BUILD_DEBOUNCE_MS: 150, BUILD_TIMEOUT_MS: 900_000, BUILD_RETRY_BASE_MS: 5_000, BUILD_RETRY_MAX_MS: 300_000 });
  });
});
