import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SLUG_PATTERN } from '@thanh-thuy/content-types';
import { z } from 'zod';
import type { Channel, ChannelName } from './channels/channel.ts';
import { channelsFromEnv } from './channels/index.ts';

// In a province every commune posts on its own Facebook page, Zalo OA, YouTube and TikTok
// channel (README "Running a province"). Their credentials are in one JSON file beside the
// data (CROSSPOST_ACCOUNTS_FILE, by default DATA_DIR/crosspost/accounts.json, never committed),
// under each commune's code, with the same names as one commune's environment:
//
//   { "dao-xa": { "FACEBOOK_PAGE_ID": "…", "FACEBOOK_PAGE_ACCESS_TOKEN": "…",
//                 "ZALO_OA_ACCESS_TOKEN": "…", "ZALO_ARTICLE_AUTHOR": "UBND xã Đào Xá" } }
//
// A commune that is not in the file, or lacks a platform's credentials, keeps that platform in
// outbox mode, as one commune does. The platforms' addresses (FACEBOOK_GRAPH_URL, …) and
// timeouts are the installation's, from the environment, unless a commune's entry names its own.

/** What a commune's entry may hold: the account, its credentials and its own choices. */
export const ACCOUNT_SETTINGS = [
  'FACEBOOK_PAGE_ID',
  'FACEBOOK_PAGE_ACCESS_TOKEN',
  'ZALO_OA_ACCESS_TOKEN',
  'ZALO_OA_REFRESH_TOKEN',
  'ZALO_APP_ID',
  'ZALO_APP_SECRET',
  'ZALO_ARTICLE_AUTHOR',
  'ZALO_OA_PAGE_URL',
  'ZALO_BROADCAST',
  'YOUTUBE_CLIENT_ID',
  'YOUTUBE_CLIENT_SECRET',
  'YOUTUBE_REFRESH_TOKEN',
  'YOUTUBE_PRIVACY',
  'TIKTOK_ACCESS_TOKEN',
  'TIKTOK_REFRESH_TOKEN',
  'TIKTOK_CLIENT_KEY',
  'TIKTOK_CLIENT_SECRET',
  'TIKTOK_PRIVACY',
] as const;

/** The installation's own settings every commune's channels share (the platforms' API addresses). */
export const PLATFORM_SETTINGS = ['FACEBOOK_GRAPH_URL', 'FACEBOOK_TIMEOUT_MS', 'ZALO_OPENAPI_URL', 'ZALO_OAUTH_URL', 'YOUTUBE_API_URL', 'YOUTUBE_OAUTH_URL', 'TIKTOK_API_URL'] as const;

const ZALO_CREDENTIALS = ['ZALO_OA_ACCESS_TOKEN', 'ZALO_OA_REFRESH_TOKEN'] as const;

// A commune may also name its own API address (a proxy of its own, say): it wins over the installation's.
const SETTINGS = [...ACCOUNT_SETTINGS, ...PLATFORM_SETTINGS] as const;

const accountSchema = z
  .record(z.enum(SETTINGS, { errorMap: () => ({ message: `is not a cross-posting setting (one of ${SETTINGS.join(', ')})` }) }), z.string())
  // Zalo shows the author under every article: another commune's name there would be wrong.
  .refine((account) => !ZALO_CREDENTIALS.some((k) => account[k]?.trim()) || Boolean(account.ZALO_ARTICLE_AUTHOR?.trim()), {
    message: 'ZALO_ARTICLE_AUTHOR is required with a Zalo OA token (the commune\'s name under its articles, e.g. "UBND xã Đào Xá")',
    path: ['ZALO_ARTICLE_AUTHOR'],
  });

const accountsSchema = z.record(z.string().regex(SLUG_PATTERN, 'must be a commune code such as dao-xa'), accountSchema);

export type CommuneAccountSettings = Partial<Record<(typeof SETTINGS)[number], string>>;

/** The accounts file: CROSSPOST_ACCOUNTS_FILE (relative to the project), or DATA_DIR/crosspost/accounts.json. */
export const accountsFileOf = (env: Record<string, string | undefined>, dataDir: string, root: string) =>
  env.CROSSPOST_ACCOUNTS_FILE?.trim() ? resolve(root, env.CROSSPOST_ACCOUNTS_FILE.trim()) : join(dataDir, 'crosspost', 'accounts.json');

/** Where the runner keeps channels' state (the tokens Zalo and TikTok rotate), per commune below it. */
export const crosspostStateDir = (dataDir: string) => join(dataDir, 'crosspost');

/**
 * Reads and checks the accounts file: every key a commune this installation serves, every
 * setting a known one. A mistake stops the runner at start with a sentence naming the file,
 * the commune and the setting, never a value. No file: every commune keeps an outbox.
 */
export function readCommuneAccounts(file: string, served: readonly string[]): Map<string, CommuneAccountSettings> {
  if (!existsSync(file)) return new Map();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Invalid cross-posting accounts file ${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = accountsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid cross-posting accounts file ${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const unknown = Object.keys(parsed.data).filter((slug) => !served.includes(slug));
  if (unknown.length) throw new Error(`Invalid cross-posting accounts file ${file}: ${unknown.join(', ')} not among PROVINCE_COMMUNES`);
  return new Map(Object.entries(parsed.data));
}

/**
 * Each commune's channels, built once from its entry and the installation's platform settings,
 * with its own directory for the tokens Zalo and TikTok rotate. Platform credentials in the
 * environment are not used for any commune: they would post every commune's pieces on one page.
 */
export function communeChannels(accounts: ReadonlyMap<string, CommuneAccountSettings>, env: Record<string, string | undefined>, stateDir: string) {
  const platform = Object.fromEntries(PLATFORM_SETTINGS.map((key) => [key, env[key]]));
  const built = new Map<string, Map<ChannelName, Channel | undefined>>();
  return (commune: string): Map<ChannelName, Channel | undefined> => {
    let channels = built.get(commune);
    if (!channels) {
      try {
        channels = channelsFromEnv({ ...platform, ...accounts.get(commune) }, join(stateDir, 'communes', commune));
      } catch (error) {
        throw new Error(`the accounts of ${commune}: ${(error as Error).message}`);
      }
      // The webhook is the installation's, and carries each piece once (no commune's job).
      channels.set('webhook', undefined);
      built.set(commune, channels);
    }
    return channels;
  };
}

/** The platform credentials set in the environment, which a province does not use (it warns). */
export const unusedEnvCredentials = (env: Record<string, string | undefined>) => ACCOUNT_SETTINGS.filter((key) => env[key]?.trim() && key !== 'ZALO_ARTICLE_AUTHOR' && !key.endsWith('_PRIVACY') && key !== 'ZALO_BROADCAST');
