/**
 * A tiny static server for a built site: directories serve index.html, unknown paths 404.html with
 * status 404. Loopback only, random port.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  /** Bytes of every response body served so far (for search-cost measurements). */
  served: () => number;
  close: () => Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  let bytes = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      let path = normalize(join(root, pathname));
      if (!path.startsWith(root)) {
        response.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
        const body = await readFile(path);
        bytes += body.length;
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
      } catch {
        const body = await readFile(join(root, '404.html')).catch(() => Buffer.from('Not found'));
        response.writeHead(404, { 'content-type': TYPES['.html']! }).end(body);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served: () => bytes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
