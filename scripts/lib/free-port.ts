import { createServer } from 'node:net';

// Ports are picked below Linux's ephemeral range (32768–60999): a port the kernel hands
// out for listen(0) can be taken by an outgoing connection before the server that was
// meant for it starts (seen in CI: EADDRINUSE while the CMS booted).
const FIRST = 20_000;
const LAST = 32_000;

function tryListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago, outside the ephemeral range. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = FIRST + Math.floor(Math.random() * (LAST - FIRST));
    if (await tryListen(port)) return port;
  }
  throw new Error(`No free TCP port found between ${FIRST} and ${LAST} on 127.0.0.1 after 100 tries`);
}
