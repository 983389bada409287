import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeChannels, readCommuneAccounts } from '../../scripts/crosspost/commune-accounts.ts';

const SERVED = ['thanh-thuy', 'dao-xa'];

// The accounts file holds every commune's page tokens: a mistake in it must stop the runner at
// start, naming the commune and the setting (never a value), rather than post on a wrong page.
describe('a province’s accounts file is checked at start', () => {
  let dir: string;
  const write = (content: unknown) => {
    const file = join(dir, `accounts-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tt-accounts-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads nothing, and so keeps every commune in outbox mode, when there is no file', () => {
    expect(readCommuneAccounts(join(dir, 'none.json'), SERVED).size).toBe(0);
  });

  it('refuses a commune the installation does not serve', () => {
    const file = write({ 'xa-khac': { FACEBOOK_PAGE_ID: '1', FACEBOOK_PAGE_ACCESS_TOKEN: 'bi-mat' } });
    expect(() => readCommuneAccounts(file, SERVED)).toThrow(/xa-khac not among PROVINCE_COMMUNES/);
  });

  it('refuses a misspelt setting and names it, not its value', () => {
    const file = write({ 'dao-xa': { FACEBOOK_PAGE_TOKEN: 'EAAbimat123' } });
    let message = '';
    try {
      readCommuneAccounts(file, SERVED);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('dao-xa.FACEBOOK_PAGE_TOKEN');
    expect(message).not.toContain('EAAbimat123');
  });

  it('asks for the author Zalo shows under a commune’s articles', () => {
    const file = write({ 'dao-xa': { ZALO_OA_ACCESS_TOKEN: 'zalo-bi-mat' } });
    expect(() => readCommuneAccounts(file, SERVED)).toThrow(/dao-xa\.ZALO_ARTICLE_AUTHOR: ZALO_ARTICLE_AUTHOR is required/);
  });

  it('refuses a file that is not JSON, naming the file', () => {
    const file = write('{ "dao-xa": ');
    expect(() => readCommuneAccounts(file, SERVED)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not JSON`));
  });

  it('gives each commune only its own accounts, never the environment’s page', () => {
    const file = write({ 'dao-xa': { FACEBOOK_PAGE_ID: '104857600022222', FACEBOOK_PAGE_ACCESS_TOKEN: 'EAAdaoxa' } });
    const channelsOf = communeChannels(readCommuneAccounts(file, SERVED), { FACEBOOK_PAGE_ID: '999', FACEBOOK_PAGE_ACCESS_TOKEN: 'EAAtinh', FACEBOOK_GRAPH_URL: 'http://127.0.0.1:9/v26.0' }, dir);
    expect(channelsOf('dao-xa').get('facebook')).toBeDefined();
    expect(channelsOf('thanh-thuy').get('facebook')).toBeUndefined();
    expect(channelsOf('dao-xa').get('webhook')).toBeUndefined();
  });
});
