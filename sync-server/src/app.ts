// Runs in Node. Builds the Hono app; main.ts serves it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { LoginThrottle } from './auth/login-throttle';
import type { Database } from './db/database';
import { ApiError, errorBody, handleError, notFound } from './errors';
import { clientAddress, type TrustProxy } from './http/client-address';
import { openApiDocument, type OpenApiDocument } from './openapi';
import type { MetadataProviders } from './providers/providers';
import type { EnrichmentProgress } from './services/enrichment-runner';
import { requestLog } from './middleware/request-log';
import { sameOrigin } from './middleware/same-origin';
import { sessionLoader } from './middleware/session';
import { apiDocsRoutes } from './routes/api-docs';
import { askRoutes } from './routes/ask';
import { artifactRoutes } from './routes/artifacts';
import { authRoutes } from './routes/auth';
import { filmRoutes } from './routes/films';
import { posterRoutes } from './routes/posters';
import { contributionRoutes } from './routes/contributions';
import { healthRoutes } from './routes/health';
import { syncRoutes } from './routes/sync';

/** The largest request body the API reads (a full push of 1,000 changes fits with room). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  database: Database;
  /** Folder of the built PWA; when absent the server answers the API only. */
  webDir?: string;
  /** Origins besides the server's own that may make mutating API requests (e.g. a dev server). */
  allowedOrigins?: readonly string[];
  /** TMDB and OMDb; absent means no extra metadata (health says "unconfigured"). */
  providers?: MetadataProviders;
  /** How far the catalog's enrichment from TMDB got, for /api/health (undefined: not running here). */
  enrichment?: () => EnrichmentProgress | undefined;
  /** How to read the client's address behind reverse proxies (TRUST_PROXY); absent: the socket's. */
  trustProxy?: TrustProxy;
  /** Wrong passwords per account and per address checked at once (LOGIN_FREE_ATTEMPTS). */
  loginFreeAttempts?: number;
  /** Where request log lines go; absent logs nothing (tests). */
  log?: (line: string) => void;
}

/** The security headers of every answer, the ones Node's parser forces on us included. */
const securityHeaders = () =>
  secureHeaders({ contentSecurityPolicy: { frameAncestors: ["'none'"] } });

/**
 * A request refused without its body being read (too large, signed out, wrong origin) leaves
 * that body on the connection: close the connection after the answer, so that the client opens
 * a fresh one instead of having its next request cut off.
 */
const closeAfterUnreadBody = createMiddleware(async (c, next) => {
  await next();
  const hasBody =
    c.req.header('transfer-encoding') !== undefined ||
    Number(c.req.header('content-length') ?? 0) > 0;
  if (hasBody && !c.req.raw.bodyUsed && c.res.status >= 400) c.header('Connection', 'close');
});

/**
 * What Node answers for a request it cannot even turn into a URL (a backslash in the path, a bad
 * Host): the same JSON error and security headers as every other refusal. For `serve`'s
 * errorHandler.
 */
export async function unparseableRequest(): Promise<Response> {
  return new Hono()
    .use(securityHeaders())
    .all('*', (c) =>
      c.json(
        errorBody('bad_request', 'This request could not be read (malformed path or host).'),
        400,
        {
          Connection: 'close',
        },
      ),
    )
    .request('http://localhost/');
}

/** Builds the app: the API under /api, the PWA everywhere else. */
export function createApp(options: AppOptions) {
  const trust = options.trustProxy ?? { kind: 'none' };
  const addressOf = (c: Context) => clientAddress(c, trust);
  // Generated from the routes once, when first asked for.
  const documentOf: {
    app?: Parameters<typeof openApiDocument>[0];
    document?: Promise<OpenApiDocument>;
  } = {};
  const api = new Hono()
    .use(
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: () => {
          throw new ApiError(
            413,
            'payload_too_large',
            `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB.`,
          );
        },
      }),
    )
    // Ask changes nothing and reads no session: API clients may call it without an Origin.
    .use(sameOrigin(options.allowedOrigins, ['/api/ask']))
    // A first pull of a long history is megabytes of JSON; gzip shrinks it about tenfold.
    .use('/sync/*', compress())
    .use(sessionLoader(options.database))
    .route('/health', healthRoutes(options.database, options.providers, options.enrichment))
    .route(
      '/',
      authRoutes(
        options.database,
        new LoginThrottle(options.database, options.loginFreeAttempts),
        addressOf,
      ),
    )
    .route('/', syncRoutes(options.database))
    .route('/', contributionRoutes(options.database, addressOf))
    .route('/', artifactRoutes(options.database))
    .route('/', posterRoutes(options.database, options.providers))
    .route('/', filmRoutes(options.database, options.providers))
    .route('/', askRoutes(options.database, addressOf, options.providers))
    .route(
      '/',
      apiDocsRoutes(() => (documentOf.document ??= openApiDocument(documentOf.app!))),
    );
  // Chained, so that AppType carries every route for the PWA's typed client.
  const app = new Hono()
    .use(requestId())
    .use(requestLog(options.log))
    // The pages carry their own Content-Security-Policy (web/svelte.config.js); this header adds
    // what a <meta> cannot: nobody may frame the app.
    .use(securityHeaders())
    .use(closeAfterUnreadBody)
    .route('/api', api);

  documentOf.app = app as unknown as Parameters<typeof openApiDocument>[0];

  // Unknown API paths answer JSON, never the app shell below.
  app.all('/api/*', notFound);
  app.notFound(notFound);
  app.onError(handleError);

  const webDir = options.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    app.use('/*', serveStatic({ root: webDir }));
    // Client-side routes: any other GET gets the app shell.
    app.get('/*', serveStatic({ root: webDir, path: 'index.html' }));
  }
  return app;
}

/** The app's type, for the PWA's `hc<AppType>` client. */
export type AppType = ReturnType<typeof createApp>;
