// Runs in Node, in tests: requests over one kept-alive socket, as a browser reuses a connection,
// so that a refusal that leaves the connection broken shows as the next request failing.
import http from 'node:http';

export interface SocketAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface SocketRequest {
  method: string;
  /** Path and query, already percent-encoded. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A client that sends every request on one connection while the server keeps it open. */
export function socketClient(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (request: SocketRequest): Promise<SocketAnswer> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...request.headers };
      if (request.body !== undefined)
        headers['content-length'] = String(Buffer.byteLength(request.body));
      const req = http.request(
        { host: '127.0.0.1', port, agent, method: request.method, path: request.path, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (request.body !== undefined) req.write(request.body);
      req.end();
    });
  return { send, close: () => agent.destroy() };
}
