import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';

// Whether the process that answers on a port is the one we started. A port picked free a
// moment earlier can be taken by another process before ours listens (two test files picking
// the same port); that process then answers the health check, and ours, refused the port,
// is taken for ready. Seen in CI: a CMS "ready" with none of its tables in its database.

/** Socket inodes listening on `port` (TCP, IPv4 and IPv6), from the kernel's tables. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const localPort = Number.parseInt(fields[1].split(':').pop() ?? '', 16);
      // State 0A is LISTEN; field 9 is the socket's inode.
      if (localPort === port && fields[3] === '0A') inodes.add(fields[9]);
    }
  }
  return inodes;
}

/**
 * True when process `pid` holds a socket listening on `port`, false when another process
 * does (or none), null when this system has no /proc to tell (then the caller cannot check).
 */
export function listensOn(pid: number, port: number): boolean | null {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    // No /proc here, or the process is gone (it listens on nothing then).
    return existsSync('/proc/self/fd') ? false : null;
  }
  const inodes = listeningInodes(port);
  for (const fd of fds) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue; // closed meanwhile
    }
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode && inodes.has(inode)) return true;
  }
  return false;
}
