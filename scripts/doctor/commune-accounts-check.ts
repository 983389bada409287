import { communeList } from '@thanh-thuy/content-types';
import { accountsFileOf, communeChannels, crosspostStateDir, readCommuneAccounts } from '../crosspost/commune-accounts.ts';
import { ROOT } from '../env/config.ts';
import { fail, info, ok, type CheckResult } from './check.ts';
import type { Check } from './checks.ts';

const PLATFORMS = [
  ['facebook', 'Facebook'],
  ['zalo', 'Zalo OA'],
  ['youtube', 'YouTube'],
  ['tiktok', 'TikTok'],
] as const;
const LISTED = 10;

/**
 * In a province (REDIS_URL): the communes' accounts file reads as the runner will read it, and
 * how many communes each platform reaches through its API (the rest keep an outbox). A commune
 * whose settings would stop the runner is named; values are never printed.
 */
export const communeAccounts: Check = async ({ env, config }) => {
  if (!env.REDIS_URL) return [];
  const communes = communeList(env.PROVINCE_COMMUNES);
  const file = accountsFileOf(env, config.DATA_DIR, ROOT);
  let channelsOf: ReturnType<typeof communeChannels>;
  try {
    channelsOf = communeChannels(readCommuneAccounts(file, communes), env, crosspostStateDir(config.DATA_DIR));
  } catch (error) {
    return fail(`Tài khoản mạng xã hội của các xã, phường: ${(error as Error).message}. Sửa tệp rồi khởi động lại trình chia sẻ.`);
  }
  const lines: CheckResult[] = [];
  const reached = new Map<string, string[]>(PLATFORMS.map(([key]) => [key, []]));
  for (const commune of communes) {
    try {
      const channels = channelsOf(commune);
      for (const [key] of PLATFORMS) if (channels.get(key)) reached.get(key)!.push(commune);
    } catch (error) {
      lines.push(fail(`Tài khoản mạng xã hội của ${commune} (${file}): ${(error as Error).message}.`));
    }
  }
  for (const [key, name] of PLATFORMS) {
    const some = reached.get(key)!;
    const line = `${name}: ${some.length} trên ${communes.length} xã, phường có tài khoản đăng tự động${some.length ? ` (${some.slice(0, LISTED).join(', ')}${some.length > LISTED ? ', …' : ''})` : ''}; còn lại dùng hộp thư chờ.`;
    lines.push(some.length ? ok(line) : info(line));
  }
  return lines;
};
