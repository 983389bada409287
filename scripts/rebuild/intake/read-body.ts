import type { IncomingMessage } from 'node:http';
import { RequestBodyError } from './request-body-error.ts';

/** The request body as text, refusing anything larger than `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the client still receives the 413;
      // a client that keeps sending far beyond it is cut off.
      if (size > limit * 4) req.destroy();
      else if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) reject(new RequestBodyError(`Request body larger than ${limit} bytes`, 413));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => reject(new RequestBodyError(`Request body could not be read: ${error.message}`, 400, { cause: error })));
  });
}
