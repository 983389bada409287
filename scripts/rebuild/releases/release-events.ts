/**
 * In-process news about releases, for the static server's caches: a symlink was swapped
 * (a release went live, or back), or the compressed copies of a file were written. The
 * worker and the portal run in one process (`npm start`, main.ts), so the server hears of a
 * swap the moment rename(2) returns, before any request that follows it. A swap made by
 * another process (`npm run rollback`) is seen through the file system instead
 * (live-release.ts).
 */
export type ReleaseEvent = { kind: 'swapped'; link: string } | { kind: 'compressed'; file: string };

type Listener = (event: ReleaseEvent) => void;

const listeners = new Set<Listener>();
let compressions = 0;

/** Subscribes `listener`; returns the function that unsubscribes it. */
export function onReleaseEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceReleaseEvent(event: ReleaseEvent): void {
  if (event.kind === 'compressed') compressions += 1;
  for (const listener of listeners) listener(event);
}

/** How many files have had compressed copies written in this process: a cheap "anything new?" check. */
export function compressionCount(): number {
  return compressions;
}
