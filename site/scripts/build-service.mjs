// The site build as a long-lived process (the rebuild worker forks it once): the server bundle
// stays loaded and the validated entries stay in memory between publishes, so a publish pays
// for what changed, not for start-up and the whole CMS. Messages (IPC):
//   → { type: 'build', id, env, previousDir, spareDir, changes }   changes: ['api::article.article:<documentId>', …] or null (reload everything)
//   ← { type: 'log', line } … then { type: 'done', id, result } or { type: 'failed', id, message }
import { buildSite } from './build.mjs';

/** What this process keeps between builds. */
const state = {};

async function build({ id, env, previousDir, spareDir, changes }) {
  const log = (line) => process.send({ type: 'log', id, line });
  const result = await buildSite(env, { previousDir, spareDir, changes, log, state });
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

process.on('message', (message) => {
  if (message?.type !== 'build') return;
  build(message).then(
    (result) => process.send({ type: 'done', id: message.id, result }),
    (error) => {
      // The next build starts from nothing: whatever this one kept may be half-updated.
      state.loadCache = null;
      process.send({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
    },
  );
});
process.on('disconnect', () => process.exit(0));
