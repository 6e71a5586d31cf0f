/** A tiny HTTP server on 127.0.0.1 (random port) serving fixed routes, for the download tests. */
import * as http from "http";
import { AddressInfo } from "net";

/** What a path answers: a body (200), another status, a redirect, or a body cut after `truncateAt` bytes. */
export interface Route {
  readonly body?: Buffer;
  readonly status?: number;
  readonly redirect?: string;
  readonly truncateAt?: number;
}

/** A running server: its base URL ("http://127.0.0.1:port"), the paths requested, and `close`. */
export interface TestServer {
  readonly url: string;
  readonly hits: string[];
  close(): Promise<void>;
}

/** Starts a server answering `routes` (unknown paths: 404). */
export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? "";
    hits.push(path);
    const route = routes[path];
    if (!route) return void res.writeHead(404).end();
    if (route.redirect) return void res.writeHead(302, { location: route.redirect }).end();
    if (route.status) return void res.writeHead(route.status).end();
    const body = route.body ?? Buffer.alloc(0);
    res.writeHead(200, { "content-length": body.length });
    if (route.truncateAt === undefined) return void res.end(body);
    res.write(body.subarray(0, route.truncateAt), () => res.socket?.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** A base URL on 127.0.0.1 where nothing listens (a port just released). */
export async function refusedUrl(): Promise<string> {
  const s = await startServer({});
  await s.close();
  return s.url;
}
