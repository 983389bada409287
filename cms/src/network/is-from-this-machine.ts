import { BlockList } from 'node:net';
import type { IncomingMessage } from 'node:http';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

// A reverse proxy on this machine connects from loopback on behalf of remote visitors and
// says so in one of these headers. Their values are never trusted (a visitor can write any
// of them); their presence alone means the request did not start on this machine.
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'via'];

/**
 * True when the request was opened on this machine (127.0.0.0/8 or ::1, which includes an
 * SSH tunnel) and not relayed by a proxy. Decided from the socket, never from headers.
 */
export function isFromThisMachine(req: Pick<IncomingMessage, 'socket' | 'headers'>): boolean {
  const address = req.socket.remoteAddress;
  if (!address) return false;
  if (!loopback.check(address, address.includes(':') ? 'ipv6' : 'ipv4')) return false;
  return FORWARDING_HEADERS.every((name) => req.headers[name] === undefined);
}
