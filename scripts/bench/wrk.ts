import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BenchError } from './bench-error.ts';

const run = promisify(execFile);

export interface WrkOptions {
  wrk: string;
  url: string;
  connections: number;
  threads: number;
  seconds: number;
  headers: Record<string, string>;
}

export interface WrkResult {
  requestsPerSecond: number;
  requests: number;
  /** Answers that were not 2xx or 3xx, and socket errors: a run with any is not a fair figure. */
  failures: number;
  latency: string;
}

/** Runs wrk against `url` and reads its summary. */
export async function runWrk(options: WrkOptions): Promise<WrkResult> {
  const args = [`-c${options.connections}`, `-t${options.threads}`, `-d${options.seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(options.headers)) args.push('-H', `${name}: ${value}`);
  const { stdout } = await run(options.wrk, [...args, options.url], { timeout: (options.seconds + 30) * 1000 });
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
  if (!rps) throw new BenchError(`wrk printed no Requests/sec for ${options.url}:\n${stdout}`);
  const requests = Number(/(\d+) requests in /.exec(stdout)?.[1] ?? NaN);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const socketErrors = socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0;
  const latency = /Latency\s+(\S+)/.exec(stdout)?.[1] ?? '?';
  return { requestsPerSecond: Number(rps[1]), requests, failures: non2xx + socketErrors, latency };
}
