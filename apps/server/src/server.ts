import { createRequire } from 'node:module';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import { createEngine, type EngineConfigInput } from '@modelgate/core';
import { AllowedRoots } from './allowed-roots.js';
import type { ServerContext } from './context.js';
import { dashboardRoutes } from './dashboard.js';
import { openDatabase, type Db } from './db/database.js';
import { installAuth } from './http/auth.js';
import { installErrorHandler } from './http/errors.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { Counters } from './metrics/counters.js';
import { eventRoutes } from './routes/events.js';
import { reportRoutes } from './routes/report.js';
import { scanRoutes } from './routes/scans.js';
import { systemRoutes } from './routes/system.js';
import { ScanManager } from './scans/scan-manager.js';
import { ScanStore } from './scans/scan-store.js';
import type { ServerSettings } from './settings.js';
import type { TokenStore } from './tokens.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** What {@link startServer} needs. */
export interface StartOptions {
  settings: ServerSettings;
  /** Engine input, as the CLI builds it (built-in plugins plus the config file's). */
  engine: EngineConfigInput;
  tokens: TokenStore;
  /** Fastify's logger: `false` (default), `true`, or pino options. */
  logger?: boolean | object;
}

/** A started server. */
export interface RunningServer {
  app: FastifyInstance;
  /** `http://host:port` it listens on (with the real port when 0 was asked). */
  url: string;
  port: number;
  /** What recovery did with the scans a previous process left running. */
  recovered: { resumed: string[]; failed: string[] };
  /** Stops listening, interrupts running scans (they resume on the next start), closes engine and database. */
  close(): Promise<void>;
}

/**
 * Starts the server: opens and migrates the database, creates the one engine all scans share,
 * recovers scans a previous process left, and listens on `settings.host:settings.port`.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { settings } = options;
  const roots = new AllowedRoots(settings.roots);
  const db: Db = openDatabase(settings.dataDir);
  let app: FastifyInstance | undefined;
  let manager: ScanManager | undefined;
  try {
    // Symlinks inside a scanned tree are never followed by the server: they could leave the roots.
    const engine = await createEngine({ ...options.engine, followSymlinks: false });
    const store = new ScanStore(db);
    const counters = new Counters(db);
    app = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024, forceCloseConnections: true });
    const log = (message: string) => app!.log.info(message);
    manager = new ScanManager({
      engine,
      store,
      counters,
      maxConcurrent: settings.maxConcurrentScans,
      maxQueued: settings.maxQueuedScans,
      maxAttempts: settings.maxAttempts,
      keepUploads: settings.keepUploads,
      log,
    });
    const context: ServerContext = { settings, store, manager, counters, roots, uploadsDir: join(settings.dataDir, 'uploads'), version };

    installErrorHandler(app);
    installSecurityHeaders(app);
    installAuth(app, options.tokens);
    await app.register(fastifyRateLimit, {
      max: settings.rateLimit.max,
      timeWindow: settings.rateLimit.windowMs,
      keyGenerator: (request) => (request.token ? `token:${request.token.name}` : `ip:${request.ip}`),
      allowList: (request) => !request.routeOptions.config?.scope,
    });
    await app.register(fastifyMultipart, {
      limits: { fileSize: settings.maxUploadBytes, files: 1, fields: 4, parts: 5, headerPairs: 100 },
      throwFileSizeLimit: true,
    });
    scanRoutes(app, context);
    eventRoutes(app, context);
    reportRoutes(app, context);
    systemRoutes(app, context);
    await dashboardRoutes(app);

    const recovered = manager.recover();
    await app.listen({ host: settings.host, port: settings.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : settings.port;
    const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
    const running = app;
    const scans = manager;
    let closing: Promise<void> | undefined;
    return {
      app,
      url: `http://${host}:${port}`,
      port,
      recovered,
      close: () =>
        (closing ??= (async () => {
          await running.close();
          await scans.close();
          db.close();
        })()),
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await manager?.close().catch(() => {});
    db.close();
    throw error;
  }
}
