/**
 * A static file server for the built site, on 127.0.0.1 and a free port the
 * system picks: what a browser test needs, and nothing more. `/` and any
 * `dir/` serve `index.html`; paths that leave the root are refused.
 */
import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".md": "text/markdown; charset=utf-8",
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT/`, with the trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Serve the files under `root` until `close()`. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const file = fileFor(root, request.url ?? "/");
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
    } else if (!file) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
    } else {
      response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      if (request.method === "HEAD") response.end();
      else createReadStream(file).pipe(response);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => close(server) };
}

/** The file a request path names, or undefined when there is none (or the path leaves `root`). */
export function fileFor(root: string, requestUrl: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(requestUrl, "http://host").pathname);
  } catch {
    return undefined;
  }
  const base = normalize(root + sep);
  const candidate = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
  if (!candidate.startsWith(base)) return undefined;
  try {
    return statSync(candidate).isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
