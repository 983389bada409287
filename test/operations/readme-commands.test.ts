import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/env/config.ts';

// The README's command table, read as a person reads it: every row's command is run exactly
// as written (optional [parts] left out) with --help, so a renamed script, a moved file or a
// command that no longer exists fails here.
function commandTable(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Commands$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('README.md has no "## Commands" section');
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
}

// `npm test` is the suite this test belongs to: CI runs it as written (`.ci/run`).
const RUN_BY_CI = new Set(['npm test']);

const runnable = (command: string) => command.replace(/\s*\[[^\]]*\]/g, '').replace(/\\\|/g, '|').trim();
const withHelp = (command: string) => (/^(NODE_ENV=\S+ )?npm (start|run|test)\b/.test(command) && !command.includes(' -- ') ? `${command} -- --help` : `${command} --help`);
/** What the usage must begin with: the command as the README names it, without arguments. */
const usageHead = (command: string) => command.replace(/^[A-Z_]+=\S+ /, '').split(' -- ')[0];

describe('every command in the README', () => {
  const commands = commandTable();

  it('the table lists the operations commands', () => {
    expect(commands.map((c) => usageHead(runnable(c)))).toEqual(expect.arrayContaining(['npm run backup', 'npm run restore', 'npm run db:move', 'npm run doctor']));
  });

  it.each(commands.filter((c) => !RUN_BY_CI.has(c)).map((c) => [c]))('`%s` runs as written and answers --help', (command) => {
    const line = withHelp(runnable(command));
    const run = spawnSync('/bin/sh', ['-c', line], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ENV_FILE: join(ROOT, 'test', 'operations', 'fixtures', 'readme.env') } });
    expect(run.status, `${line}\n${run.stdout}\n${run.stderr}`).toBe(0);
    if (/typecheck/.test(command)) expect(run.stdout).toMatch(/TypeScript/);
    else expect(run.stdout).toContain(`Cách dùng: ${usageHead(runnable(command))}`);
  }, 180_000);
});
