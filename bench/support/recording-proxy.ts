import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, type Dispatcher, request } from 'undici';

/** A search request as the API sent it to Meilisearch: enough to send it again, byte for byte. */
export interface RecordedRequest {
  method: string;
  /** Path and query string, e.g. `/multi-search` or `/indexes/events/search`. */
  path: string;
  body: string;
}

/** A loopback HTTP proxy in front of Meilisearch that can record the search requests passing through it. */
export interface RecordingProxy {
  /** `http://127.0.0.1:<port>`: give it to the API as its Meilisearch URL. */
  url: string;
  /** Records the search requests (POSTs to a path naming `search`) from now until {@link stopRecording}. */
  startRecording(): void;
  /** Stops recording and returns what was recorded, in arrival order. */
  stopRecording(): RecordedRequest[];
  /** Search requests (POSTs to a path naming `search`) passed on since the proxy started, recorded or not. */
  searches(): number;
  close(): Promise<void>;
}

/** The request headers Meilisearch acts on; the rest (compression included) stays between the proxy and the API. */
const FORWARDED_HEADERS = ['authorization', 'content-type', 'x-meilisearch-client'] as const;

async function readBody(message: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts a proxy to the Meilisearch at `target`. It records at the HTTP level, so it sees whatever requests the API
 * makes for a search (one `/search` per facet group, one `/multi-search`, facet searches…).
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const agent = new Agent({ keepAliveTimeout: 4000, keepAliveMaxTimeout: 4000 });
  let recorded: RecordedRequest[] | undefined;
  let searches = 0;
  const server = createServer(async (incoming, outgoing) => {
    try {
      const method = (incoming.method ?? 'GET') as Dispatcher.HttpMethod;
      const path = incoming.url ?? '/';
      const body = await readBody(incoming);
      if (method === 'POST' && path.includes('search')) {
        searches++;
        recorded?.push({ method, path, body });
      }
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_HEADERS) {
        const value = incoming.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const upstream = await request(`${target}${path}`, {
        method,
        headers,
        dispatcher: agent,
        ...(body.length > 0 && { body }),
      });
      const answer = Buffer.from(await upstream.body.arrayBuffer());
      const contentType = upstream.headers['content-type'];
      outgoing.writeHead(upstream.statusCode, {
        'content-type': typeof contentType === 'string' ? contentType : 'application/json',
      });
      outgoing.end(answer);
    } catch (error) {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`proxy: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    startRecording() {
      recorded = [];
    },
    stopRecording() {
      const requests = recorded ?? [];
      recorded = undefined;
      return requests;
    },
    searches: () => searches,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await agent.close();
    },
  };
}
