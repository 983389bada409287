// The contract every cross-posting channel implements (Facebook page, Zalo OA, YouTube, TikTok,
// the signed webhook). The runner (../runner.ts) owns the ledger and the never-twice rules; a
// channel only speaks its platform's documented HTTP API and classifies what came back.

export type ChannelName = 'facebook' | 'zalo' | 'youtube' | 'tiktok' | 'webhook';

/** What one publication looks like to every channel. Text is NFC, already validated. */
export interface Publication {
  /** Strapi documentId of the piece: stable across edits, republishes and slug changes. */
  documentId: string;
  /** Content kind key: article | model-practice | service-guide | fact-check. */
  kind: string;
  /** The piece's canonical portal URL: every copy links back to it (POSSE). */
  url: string;
  title: string;
  summary: string;
  /** Caption already cut to this channel's limits (caption.ts), or the editor's own. */
  caption: string;
  /**
   * The caption's separate parts where the platform has them (caption.ts): Zalo's article and
   * YouTube's video title and description, the description being the editor's own when set.
   */
  captionParts?: { title: string; description: string };
  /** Absolute URL of the cover image on the portal, when the piece has one. */
  imageUrl?: string;
  /** Absolute URL of the piece's video on the CMS, for YouTube and TikTok; absent: no job there. */
  videoUrl?: string;
  publishedAt: string;
}

/** Where the remote copy is. */
export interface RemotePost {
  remoteId: string;
  remoteUrl: string;
}

/**
 * Step data a channel must persist in the ledger BEFORE a step whose outcome could be lost
 * (Zalo's article token before verify, YouTube's resumable session URI before the bytes,
 * TikTok's publish_id before the upload, the webhook's id before sending). The runner writes
 * it to the ledger and hands it back on every later attempt of the same job.
 */
export interface Progress {
  readonly saved: Readonly<Record<string, unknown>>;
  save(step: Record<string, unknown>): Promise<void>;
}

/** Result of looking for an earlier attempt's post on the platform. */
export type Lookup = { found: RemotePost } | { absent: true } | { unknown: string };

export interface Channel {
  readonly name: ChannelName;
  /** Creates the remote copy. Throws one of the errors below when it did not clearly succeed. */
  create(publication: Publication, progress: Progress): Promise<RemotePost>;
  /** Updates the remote copy after an edit where the platform allows it (Facebook, Zalo). */
  update?(post: RemotePost, publication: Publication, progress: Progress): Promise<RemotePost>;
  /**
   * After an unknown outcome (timeout, 5xx on create, a runner crash mid-call): is the post
   * there? Looks it up by the portal link or by the saved progress. Never posts.
   */
  find(publication: Publication, progress: Progress): Promise<Lookup>;
  /**
   * Removes the remote copy, an editor's explicit action (Facebook, Zalo). Safe to repeat: a copy
   * that is already gone resolves with alreadyGone, so a retry after a lost answer is harmless.
   */
  remove?(post: RemotePost): Promise<{ alreadyGone: boolean }>;
  /**
   * Announces a new post to the channel's followers (Zalo OA broadcast, when ZALO_BROADCAST is
   * on; absent otherwise). Not repeatable: the runner marks it before the call and never calls
   * it twice for one post. Throws UnknownOutcomeError when the answer was lost.
   */
  broadcast?(post: RemotePost): Promise<{ messageId: string }>;
}

/**
 * Each channel folder exports a factory `create<Name>Channel(env, deps?)` that returns a Channel,
 * or undefined when its credentials are absent (the runner then works in outbox mode for it).
 * Env is validated with zod; base URLs are configurable so tests and staging can point a channel
 * at a stand-in. Tokens and secrets never appear in errors, logs or anything returned.
 */
export type ChannelFactory = (env: Record<string, string | undefined>) => Channel | undefined;
