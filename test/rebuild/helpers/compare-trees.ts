import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function files(dir: string, root = dir, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files(path, root, into);
    else into.push(relative(root, path));
  }
  return into;
}

const clip = (line: string | undefined) => (line === undefined ? '(no line)' : line.length > 160 ? `${line.slice(0, 160)}…` : line);

/** Where two versions of a file part: the first differing line, or the first differing byte of a binary file. */
function firstDifference(a: Buffer, b: Buffer): string {
  if (a.includes(0) || b.includes(0)) {
    let at = 0;
    while (at < a.length && at < b.length && a[at] === b[at]) at++;
    return `byte ${at} (${a.length} vs ${b.length} bytes)`;
  }
  // Pages are minified onto few lines: split at tags too, so the report points at the element.
  const lines = (buffer: Buffer) => buffer.toString('utf8').replace(/></g, '>\n<').split('\n');
  const [la, lb] = [lines(a), lines(b)];
  let n = 0;
  while (n < la.length && n < lb.length && la[n] === lb[n]) n++;
  return `line ${n + 1}:\n    incremental: ${clip(la[n])}\n    full:        ${clip(lb[n])}`;
}

/**
 * Every difference between two release trees: files only one has, and for files both have
 * but with other bytes, the first differing line. `ignore` leaves files out (e.g. compressed copies).
 */
export function compareTrees(incremental: string, full: string, ignore: (path: string) => boolean = () => false): string[] {
  const a = new Set(files(incremental).filter((f) => !ignore(f)));
  const b = new Set(files(full).filter((f) => !ignore(f)));
  const differences: string[] = [];
  for (const f of [...a].sort()) if (!b.has(f)) differences.push(`${f}: only in the incremental release`);
  for (const f of [...b].sort()) if (!a.has(f)) differences.push(`${f}: only in the full build`);
  for (const f of [...a].sort()) {
    if (!b.has(f)) continue;
    const [x, y] = [readFileSync(join(incremental, f)), readFileSync(join(full, f))];
    if (!x.equals(y)) differences.push(`${f}: differs at ${firstDifference(x, y)}`);
  }
  return differences;
}
