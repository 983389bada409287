import { readdirSync, readFileSync } from 'node:fs';

// /proc/<pid>/stat counts CPU time in clock ticks of 1/100 s on Linux (USER_HZ).
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, in seconds) used so far by a process and its descendants (or, with
 * `rootOnly`, by the process itself and the children it has waited for), from /proc. On a machine shared with other work, requests per second say how much CPU a server
 * was given; CPU time per request says how much it needs.
 */
export function cpuSecondsOfTree(root: number, options: { rootOnly?: boolean } = {}): number {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch (error) {
      // The process ended while we looked.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ESRCH') continue;
      throw error;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    const ppid = Number(fields[1]);
    // utime + stime, and cutime + cstime: children it has already waited for (a build's helpers).
    ticks.set(pid, Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  if (options.rootOnly) return (ticks.get(root) ?? 0) / TICKS_PER_SECOND;
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += ticks.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total / TICKS_PER_SECOND;
}
