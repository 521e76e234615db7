import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build -w @academy/web` puts the Mini App. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

// Paths that belong to the server, never to the single-page app: their 404s stay problem+json.
const SERVER_PREFIXES = ['/api/', '/docs', '/health', '/ready', '/telegram/', '/metrics'];
const HASHED_ASSET = /^\/assets\//;
const IMMUTABLE = 'public, max-age=31536000, immutable';

function isServerPath(path: string): boolean {
  return path === '/api' || SERVER_PREFIXES.some((prefix) => path.startsWith(prefix));
}

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html');
}

/**
 * Serves the built Mini App (the `web` role). Hashed files under /assets/ are cached for a year; everything
 * else — index.html above all — is revalidated on every load, so a release is picked up at once.
 * A browser navigating to an app route (/courses/x, /progress) gets index.html (SPA fallback); API paths
 * and clients that do not ask for HTML get the usual problem+json 404.
 */
export async function registerWebStatic(app: FastifyInstance, options: { root?: string } = {}): Promise<boolean> {
  const root = options.root ?? WEB_DIST_DIR;
  if (!existsSync(`${root}/index.html`)) {
    app.log.warn({ root }, 'the web role is on but the Mini App is not built: run `npm run build -w @academy/web`');
    return false;
  }
  // Encapsulated: @fastify/swagger-ui registers its own @fastify/static, and reply.sendFile must not clash.
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root,
      serve: false,
      index: false,
      dotfiles: 'deny',
      cacheControl: false,
      setHeaders: (reply: FastifyReply, filePath: string) => {
        const relative = filePath.slice(root.length).replaceAll('\\', '/');
        reply.header('cache-control', HASHED_ASSET.test(relative) ? IMMUTABLE : 'no-cache');
      },
    });

    const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');

    scope.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
    scope.get('/*', { schema: { hide: true } }, (request, reply) => {
      const file = (request.params as { '*': string })['*']; // decoded, without the leading slash
      if (isServerPath(`/${file}`)) return reply.callNotFound();
      // A file name (has an extension): the file or a 404, never index.html in its place.
      if (/\.[a-z0-9]+$/i.test(file)) return reply.sendFile(file);
      if (!wantsHtml(request)) return reply.callNotFound();
      return sendIndex(reply);
    });
  });
  return true;
}
