import { fork, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { contentKinds, uidOf } from '@thanh-thuy/content-types';
import { z } from 'zod';
import type { SiteChange } from '../intake/affects-site.ts';
import { SiteBuildError } from './site-build-error.ts';

// What site/scripts/build-service.mjs answers for a build that went through.
const resultSchema = z.object({
  incremental: z.boolean(),
  why: z.string(),
  pages: z.number(),
  rendered: z.number(),
  removed: z.number(),
  skipped: z.number(),
  timings: z.record(z.unknown()),
});

const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('log'), id: z.string(), line: z.string() }),
  z.object({ type: z.literal('done'), id: z.string(), result: resultSchema }),
  z.object({ type: z.literal('failed'), id: z.string(), message: z.string() }),
  z.object({ type: z.literal('spared'), id: z.string(), outcome: z.enum(['made', 'skipped', 'stopped']) }),
]);

export type SpareOutcome = 'made' | 'skipped' | 'stopped';

export type ServiceBuildResult = z.infer<typeof resultSchema>;

export interface ServiceBuildInput {
  id: string;
  /** CMS_URL, SITE_API_TOKEN, SITE_URL, SITE_OUT_DIR, SITE_CACHE_DIR, SITE_SKIPPED_REPORT… */
  env: Record<string, string>;
  /** The live release to start from, or null for a full render. */
  previousDir: string | null;
  /** An older release no one serves, which the build may take over instead of linking a new tree. */
  spareDir?: string | null;
  /** Published documents that changed, or null to read the whole CMS again. */
  changes: Array<{ kind: string; documentId: string }> | null;
  logFile: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const kindsByUid = new Map(contentKinds.map((kind) => [uidOf(kind), kind.key]));

/**
 * The published documents behind a set of changes, or null when one of them is not a piece
 * (a taxonomy term, the commune's details, a media file): those can show on any page, and the
 * whole CMS is read again.
 */
export function changedDocuments(changes: SiteChange[]): Array<{ kind: string; documentId: string }> | null {
  const documents: Array<{ kind: string; documentId: string }> = [];
  for (const change of changes) {
    const at = change.key.lastIndexOf(':');
    const kind = kindsByUid.get(change.key.slice(0, at));
    if (!kind) return null;
    documents.push({ kind, documentId: change.key.slice(at + 1) });
  }
  return documents;
}

/**
 * The site build as one long-lived child process (site/scripts/build-service.mjs), forked on
 * the first build: the server bundle and the CMS's entries stay loaded between publishes. A
 * build that times out or is cancelled stops the process; the next build forks a new one.
 */
export class SiteBuildService {
  private child: ChildProcess | null = null;
  /** Where the process's own output goes: the log of the build in progress. */
  private sink: ((chunk: Buffer) => void) | null = null;

  constructor(private readonly script: string, private readonly cwd: string, private readonly baseEnv: Record<string, string>) {}

  build(input: ServiceBuildInput): Promise<ServiceBuildResult> {
    const child = this.ensureChild();
    const log = createWriteStream(input.logFile, { flags: 'a' });
    log.write(`# build ${input.id} by ${this.script}: ${input.previousDir ? `from ${input.previousDir}` : 'full'}, ${input.changes ? `${input.changes.length} document(s) fetched` : 'whole CMS read'}\n`);
    const started = Date.now();
    this.sink = (chunk) => log.write(chunk);
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (error: SiteBuildError | null, result?: ServiceBuildResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        input.signal?.removeEventListener('abort', onAbort);
        child.off('message', onMessage);
        child.off('exit', onExit);
        this.sink = null;
        log.write(`# ${error ? `failed: ${error.reason}` : 'done'} after ${Date.now() - started} ms\n`);
        log.end(() => (error ? reject(error) : resolve(result!)));
      };
      const stop = (why: string) => {
        this.kill();
        finish(new SiteBuildError(why, input.id, { logFile: input.logFile, durationMs: Date.now() - started }));
      };
      const timer = setTimeout(() => stop(`the build took longer than ${Math.round(input.timeoutMs / 1000)} s and was stopped`), input.timeoutMs);
      const onAbort = () => stop('the build was cancelled (the worker is stopping)');
      input.signal?.addEventListener('abort', onAbort, { once: true });
      const onExit = (code: number | null, signal: string | null) => {
        this.child = null;
        finish(new SiteBuildError(`the build process exited with ${code ?? signal} before it finished`, input.id, { exitCode: code, signal, logFile: input.logFile }));
      };
      const onMessage = (raw: unknown) => {
        const parsed = messageSchema.safeParse(raw);
        if (!parsed.success) return stop(`the build process sent an unexpected message: ${JSON.stringify(raw).slice(0, 200)}`);
        const message = parsed.data;
        if (message.id !== input.id) return;
        if (message.type === 'log') log.write(`${message.line}\n`);
        else if (message.type === 'done') finish(null, message.result);
        else if (message.type === 'failed') finish(new SiteBuildError(message.message, input.id, { logFile: input.logFile, durationMs: Date.now() - started }));
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ type: 'build', id: input.id, env: { ...this.baseEnv, ...input.env }, previousDir: input.previousDir, spareDir: input.spareDir ?? null, changes: input.changes });
    });
  }

  /**
   * Asks the process to link a spare of the live release `from` at `to` (a new build id) while
   * nothing is published: the next build takes it over instead of linking a tree of every page
   * while an editor waits. A build sent meanwhile stops it ('stopped'); a small portal skips it.
   * Resolves with the outcome ('failed' with the reason), or null when there is no process.
   */
  spare(input: { id: string; env: Record<string, string>; from: string; to: string }): Promise<{ outcome: SpareOutcome | 'failed'; reason?: string } | null> {
    const child = this.child;
    if (!child || child.exitCode !== null) return Promise.resolve(null);
    return new Promise((resolve) => {
      const done = (outcome: { outcome: SpareOutcome | 'failed'; reason?: string } | null) => {
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(outcome);
      };
      const onExit = () => done(null);
      const onMessage = (raw: unknown) => {
        const parsed = messageSchema.safeParse(raw);
        if (!parsed.success || parsed.data.id !== input.id) return;
        if (parsed.data.type === 'spared') done({ outcome: parsed.data.outcome });
        else if (parsed.data.type === 'failed') done({ outcome: 'failed', reason: parsed.data.message });
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ type: 'spare', id: input.id, env: { ...this.baseEnv, ...input.env }, from: input.from, to: input.to });
    });
  }

  /** Stops the process (it is forked again by the next build). */
  kill(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }

  private ensureChild(): ChildProcess {
    if (this.child && this.child.exitCode === null) return this.child;
    // A larger young generation: rendering allocates short-lived strings fast, and V8's
    // default 16 MB semi-space spends seconds in scavenges on a full render.
    const child = fork(this.script, [], { cwd: this.cwd, env: { ...this.baseEnv, NODE_ENV: 'production' }, execArgv: ['--max-semi-space-size=64'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    // Astro's output and the lines about entries left out go to the log of the build in progress.
    child.stdout?.on('data', (chunk: Buffer) => this.sink?.(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.sink?.(chunk));
    this.child = child;
    return child;
  }
}
