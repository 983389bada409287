import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FAKE_BUILD = fileURLToPath(new URL('../fixtures/fake-site-build.mjs', import.meta.url));

/** The argv of the stand-in site build. */
export const fakeBuildCommand = (): string[] => [process.execPath, FAKE_BUILD];

/** How many times the stand-in ran, from its counter file. */
export function fakeBuildRuns(counter: string): number {
  return existsSync(counter) ? readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0;
}
