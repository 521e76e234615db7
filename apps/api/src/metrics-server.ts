import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger, Metrics } from '@academy/core';

// Prometheus scrapes GET /metrics here, on METRICS_PORT — a port of its own, never the public one, so the
// metrics are not exposed through the ingress. A plain node:http server: no framework, no hooks, nothing
// counted in http_requests_total.

export interface MetricsServer {
  /** e.g. http://127.0.0.1:9464 */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface MetricsServerOptions {
  host: string;
  /** METRICS_PORT; 0 picks a free port. */
  port: number;
  logger: Logger;
}

export async function startMetricsServer(metrics: Metrics, options: MetricsServerOptions): Promise<MetricsServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: metrics are at GET /metrics\n');
      return;
    }
    metrics.render().then(
      ({ contentType, body }) => {
        response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => {
        options.logger.error({ err: error }, 'rendering /metrics failed');
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics unavailable\n');
      },
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  options.logger.info({ metrics: `${url}/metrics` }, `metrics at ${url}/metrics`);
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        // Prometheus keeps its connection alive: end it, or close() would wait for it.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
