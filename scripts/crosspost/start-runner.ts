import { hostname } from 'node:os';
import type { Channel, ChannelName } from './channels/channel.ts';
import { channelsFromEnv } from './channels/index.ts';
import { createWebhookChannel } from './channels/webhook/index.ts';
import { communeChannels, readCommuneAccounts, unusedEnvCredentials } from './commune-accounts.ts';
import { captionFor } from './caption.ts';
import { LedgerClient } from './ledger-client.ts';
import { communePortalProbe, provincePortalProbe, type PortalProbe } from './portal-probe.ts';
import { startRunner, type CommuneAccounts } from './runner.ts';
import { shareImageFinder } from './share-image.ts';

export interface CrosspostOptions {
  cmsUrl: string;
  /** Public portal address the posts link to (SITE_URL). */
  siteUrl: string;
  /** Where this machine reaches the portal to see a page is live (the local portal server). */
  portalCheckUrl: string;
  secret: string;
  /** Where channels keep state between runs (Zalo's rotated tokens): var/crosspost. */
  stateDir: string;
  env: Record<string, string | undefined>;
  log: (line: string) => void;
}

/**
 * A page is live when the portal serves it: the link in a post must work when people click it.
 * `portal` is the local portal server's address (one commune), or a probe of a province's.
 */
export function liveCheck(siteUrl: string, portal: string | PortalProbe) {
  const probe = typeof portal === 'string' ? communePortalProbe(siteUrl, portal) : portal;
  return async (url: string): Promise<boolean> => {
    try {
      return (await probe(url, 'HEAD')).status === 200;
    } catch {
      // The portal is down or still starting: not live yet, the job waits.
      return false;
    }
  };
}

/** Starts the cross-post runner; channels without credentials run in outbox mode. */
export function startCrosspost(options: CrosspostOptions) {
  const channels: Map<ChannelName, Channel | undefined> = channelsFromEnv(options.env, options.stateDir);
  const configured = [...channels].filter(([, c]) => c).map(([name]) => name);
  options.log(`Kênh chia sẻ có mã truy cập: ${configured.length ? configured.join(', ') : 'chưa có'}; các kênh còn lại ở chế độ hộp thư chờ.`);
  return startRunner({
    ledger: new LedgerClient(options.cmsUrl, options.secret, `${hostname()}:${process.pid}`),
    channels,
    siteUrl: options.siteUrl,
    cmsUrl: options.cmsUrl,
    isLive: liveCheck(options.siteUrl, options.portalCheckUrl),
    shareImage: shareImageFinder(options.siteUrl, options.portalCheckUrl),
    caption: captionFor,
    log: options.log,
  });
}

export interface ProvinceCrosspostOptions extends Omit<CrosspostOptions, 'siteUrl'> {
  /** The communes this installation serves (PROVINCE_COMMUNES). */
  communes: readonly string[];
  /** A commune's public portal address, without a trailing slash (communePortalUrl). */
  siteUrlOf: (commune: string) => string;
  /** The communes' accounts (commune-accounts.ts); absent, every commune keeps an outbox. */
  accountsFile: string;
}

/**
 * The runner of a province: each commune's pieces (and the province's addressed to it) go out
 * on that commune's own accounts, linking to its own portal, checked live on the province's
 * portal server. The webhook stays the installation's, one per piece.
 */
export function startProvinceCrosspost(options: ProvinceCrosspostOptions) {
  const accounts = readCommuneAccounts(options.accountsFile, options.communes);
  const channelsOf = communeChannels(accounts, options.env, options.stateDir);
  const ignored = unusedEnvCredentials(options.env);
  if (ignored.length) options.log(`Bỏ qua ${ignored.join(', ')} trong biến môi trường: khi phục vụ nhiều xã, phường, tài khoản của từng xã, phường ghi trong ${options.accountsFile}.`);
  const withAccounts = options.communes.filter((c) => [...channelsOf(c).values()].some(Boolean));
  options.log(`Chia sẻ mạng xã hội: ${withAccounts.length} trên ${options.communes.length} xã, phường có tài khoản (${options.accountsFile}); các xã, phường còn lại ở chế độ hộp thư chờ.`);
  // The installation's own channel: the webhook, once per piece; no platform outside a commune.
  const installation = new Map<ChannelName, Channel | undefined>([['webhook', createWebhookChannel(options.env)]]);
  const probe = provincePortalProbe(options.portalCheckUrl);
  const perCommune = new Map<string, CommuneAccounts>();
  const accountsOf = (commune: string): CommuneAccounts => {
    let found = perCommune.get(commune);
    if (!found) {
      const siteUrl = options.siteUrlOf(commune);
      found = { channels: channelsOf(commune), siteUrl, isLive: liveCheck(siteUrl, probe), shareImage: shareImageFinder(siteUrl, probe) };
      perCommune.set(commune, found);
    }
    return found;
  };
  return startRunner({
    ledger: new LedgerClient(options.cmsUrl, options.secret, `${hostname()}:${process.pid}`),
    channels: installation,
    // Only for a piece the CMS names no portal of (none of the served communes reaches it).
    siteUrl: options.siteUrlOf(options.communes[0]),
    cmsUrl: options.cmsUrl,
    isLive: liveCheck(options.siteUrlOf(options.communes[0]), probe),
    shareImage: shareImageFinder(options.siteUrlOf(options.communes[0]), probe),
    caption: captionFor,
    accountsOf,
    log: options.log,
  });
}
