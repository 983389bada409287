import { hostname } from 'node:os';
import type { Channel, ChannelName } from './channels/channel.ts';
import { channelsFromEnv } from './channels/index.ts';
import { captionFor } from './caption.ts';
import { LedgerClient } from './ledger-client.ts';
import { startRunner } from './runner.ts';
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

/** A page is live when the portal serves it: the link in a post must work when people click it. */
export function liveCheck(siteUrl: string, portalCheckUrl: string) {
  return async (url: string): Promise<boolean> => {
    const path = url.startsWith(siteUrl) ? url.slice(siteUrl.replace(/\/$/, '').length) : new URL(url).pathname;
    try {
      const res = await fetch(new URL(path, portalCheckUrl), { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      return res.status === 200;
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
