import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../scripts/env/config.ts';
import { ensureEnvFile, GENERATED_SECRETS } from '../../scripts/env/ensure-env.ts';

const dir = mkdtempSync(join(tmpdir(), 'tt-env-'));
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('the generated .env file', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is created readable by its owner only', () => {
    const path = join(dir, 'new.env');
    const { added, madePrivateFrom } = ensureEnvFile(path);
    expect(added).toEqual(Object.keys(GENERATED_SECRETS));
    expect(modeOf(path)).toBe('600');
    expect(madePrivateFrom).toBeNull();
  });

  it.each(['644', '664', '640', '604', '777'])('an existing file others can read or write (%s) is made 600 and the operator is told', (mode) => {
    const path = join(dir, `existing-${mode}.env`);
    writeFileSync(path, 'CMS_PORT=1337\nAPP_KEYS=a,b,c,d\n');
    chmodSync(path, parseInt(mode, 8));
    const warnings: string[] = [];
    loadConfig(path, (line) => warnings.push(line));
    expect(modeOf(path)).toBe('600');
    expect(warnings).toEqual([expect.stringContaining(`${path} chứa các khóa bí mật`)]);
    expect(warnings[0]).toContain(`quyền ${mode}`);
    expect(readFileSync(path, 'utf8')).toMatch(/^CMS_PORT=1337\nAPP_KEYS=a,b,c,d\nAPI_TOKEN_SALT=/);
  });

  it('a file that is already private is left as it is, without a warning', () => {
    const path = join(dir, 'private.env');
    ensureEnvFile(path);
    const before = readFileSync(path, 'utf8');
    const warnings: string[] = [];
    loadConfig(path, (line) => warnings.push(line));
    expect(warnings).toEqual([]);
    expect(modeOf(path)).toBe('600');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});
