// The site build as a long-lived process (the rebuild worker forks it once): the server bundle
// stays loaded and the validated entries stay in memory between publishes, so a publish pays
// for what changed, not for start-up and the whole CMS. One process renders one build at a time
// (the rebuild worker sends the next after the answer), for any portal. Messages (IPC):
//   → { type: 'build', id, env, previousDir, spareDir, changes }   changes: ['api::article.article:<documentId>', …] or null (reload everything)
//   ← { type: 'log', line } … then { type: 'done', id, result } or { type: 'failed', id, message }
//   → { type: 'spare', id, env, from, to }   link a spare of release `from` at `to` while idle
//   ← { type: 'spared', id, outcome: 'made' | 'skipped' | 'stopped' } or { type: 'failed', id, message }
// A build that arrives while a spare is being linked stops the linking first: an editor waits
// for the build, no one waits for the spare.
import { resolve } from 'node:path';
import { buildSite, describeFailure } from './build.mjs';
import { linkSpare, SITE_DIR } from './render-site.mjs';

/**
 * What this process keeps between builds, per portal (a province's build service renders any
 * of its communes with the one server bundle): the rows and validated entries of the release
 * it rendered last. At most SITE_STATES_KEPT portals, the least recently built dropped first;
 * a dropped one starts again from its release's snapshot (load-snapshot.mjs).
 */
const states = new Map();
const statesKept = Math.max(1, Number(process.env.SITE_STATES_KEPT) || 20);
/** SITE_LOAD_SNAPSHOTS=true (a province's workers): each release's rows are kept for whichever process builds its portal next. */
const snapshots = process.env.SITE_LOAD_SNAPSHOTS === 'true';
function stateOf(env) {
  const key = `${env.SITE_COMMUNE ?? ''} ${env.SITE_URL ?? ''}`;
  const state = states.get(key) ?? {};
  states.delete(key);
  states.set(key, state);
  for (const old of states.keys()) if (states.size > statesKept) states.delete(old);
  return state;
}
/** The spare being linked, if any. */
let sparing = null;
/** What the build just answered leaves to do. */
let afterAnswer = null;

async function build({ id, env, previousDir, spareDir, changes }) {
  const log = (line) => process.send({ type: 'log', id, line });
  // The release's record (~3 MB at 10,000 pieces) is written after the answer, off the path of
  // the publish an editor waits for; the next message is handled after it.
  const result = await buildSite(env, { previousDir, spareDir, changes, log, state: stateOf(env), deferRecord: true, snapshot: snapshots });
  afterAnswer = result.release.saveRecord;
  return {
    incremental: result.release.incremental,
    why: result.release.why,
    pages: result.release.pages,
    rendered: result.release.rendered.length,
    removed: result.release.removed.length,
    skipped: result.skipped.length,
    timings: result.timings,
  };
}

function spare({ env, from, to }) {
  const abort = new AbortController();
  const cacheDir = resolve(SITE_DIR, env.SITE_CACHE_DIR ?? 'node_modules/.astro');
  const spareFromPages = env.SITE_REUSE_SPARE_FROM ? Number(env.SITE_REUSE_SPARE_FROM) : undefined;
  const done = linkSpare({ cacheDir, from, to, spareFromPages, signal: abort.signal });
  sparing = { abort, done: done.catch(() => {}) };
  return done.finally(() => {
    if (sparing?.abort === abort) sparing = null;
  });
}

const reply = (id, promise, ok) =>
  promise.then(
    (value) => process.send(ok(value)),
    (error) => process.send({ type: 'failed', id, message: describeFailure(error) }),
  );

process.on('message', (message) => {
  if (message?.type === 'spare') return reply(message.id, spare(message), (outcome) => ({ type: 'spared', id: message.id, outcome }));
  if (message?.type !== 'build') return;
  const before = sparing;
  before?.abort.abort();
  const built = (before ? before.done : Promise.resolve()).then(() => build(message));
  // The next build starts from nothing after a failure: whatever this one kept may be half-updated.
  built.catch(() => Object.assign(stateOf(message.env), { loadCache: null, release: null }));
  reply(message.id, built, (result) => ({ type: 'done', id: message.id, result })).then(() => {
    const task = afterAnswer;
    afterAnswer = null;
    try {
      task?.();
    } catch (error) {
      // The next build then renders everything and says why ("no record of …").
      console.error(`The record of build ${message.id} could not be written: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
});
process.on('disconnect', () => process.exit(0));
