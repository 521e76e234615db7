// The academy process: `academy --roles api,web,bot` (or ROLES=…). With no roles given it runs them all,
// which is what `npm start` does on the embedded default: migrate, sync the curriculum, serve.
import type { Role } from '@academy/core';
import { startTracing } from '@academy/core/tracing';

// Tracing starts first (only when OTEL_EXPORTER_OTLP_ENDPOINT is set): its instrumentations patch http, pg
// and ioredis as they load, so the rest of the application is imported after it, dynamically.
const tracing = await startTracing();
const { ContentError, createLogger, loadConfigOrExit, migrate, ROLE_NAMES, syncCurriculumFromDir } = await import('@academy/core');
const { buildApp } = await import('./app');
const { startMetricsServer } = await import('./metrics-server');
const { createPlatform } = await import('./platform');
const { onShutdownSignal } = await import('./shutdown');

function rolesFromArgs(argv: string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === '--roles' || arg.startsWith('--roles='));
  if (index === -1) return undefined;
  const arg = argv[index]!;
  return arg.includes('=') ? arg.slice('--roles='.length) : argv[index + 1];
}

async function main(): Promise<void> {
  const fromArgs = rolesFromArgs(process.argv.slice(2));
  const config = loadConfigOrExit(fromArgs === undefined ? process.env : { ...process.env, ROLES: fromArgs });
  const logger = createLogger({ level: config.LOG_LEVEL });
  const roles = new Set<Role>(config.ROLES);
  logger.info({ roles: ROLE_NAMES.filter((role) => roles.has(role)) }, 'starting telegram-ios-academy');
  if (tracing) logger.info({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, service: config.OTEL_SERVICE_NAME }, 'tracing: spans exported over OTLP/HTTP');
  const platform = await createPlatform(config, logger);

  if (roles.has('migrate')) {
    const result = await migrate(platform.db);
    logger.info(result, `migrations: ${result.applied.length} applied, ${result.skipped.length} already in place`);
  }
  if (roles.has('content-sync')) await syncCurriculumFromDir(platform, platform.contentDir);

  const runsBot = roles.has('bot') && config.BOT_MODE !== 'off';
  // A bot-only process serves HTTP too: /health and /ready for its probes, and the webhook in webhook mode.
  const serves = roles.has('api') || roles.has('web') || runsBot;
  if (!serves) {
    await platform.close();
    await tracing?.shutdown();
    return;
  }
  // Long polling runs in this process; in webhook mode buildApp mounts POST /telegram/webhook instead.
  const polling =
    runsBot && config.BOT_MODE === 'polling'
      ? await (await import('@academy/bot')).startPollingBot(config.TELEGRAM_BOT_TOKEN!, { ...platform, metrics: platform.metrics.bot })
      : undefined;

  const app = await buildApp(platform);
  // /metrics on METRICS_PORT (never the public port), for every role that keeps running. It stays up while
  // requests drain, so the last scrape sees them, and closes last.
  const metricsServer = await startMetricsServer(platform.metrics, { host: config.HOST, port: config.METRICS_PORT, logger });
  onShutdownSignal(logger, {
    stopAccepting: () => {
      platform.lifecycle.shuttingDown = true;
    },
    drain: async () => {
      await Promise.all([app.close(), polling?.stop()]);
    },
    close: async () => {
      await platform.close();
      await metricsServer.close();
      await tracing?.shutdown();
    },
  });
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  logger.info({ address }, `academy listening on ${address} (API docs at ${address}/docs)`);
}

main().catch((error: unknown) => {
  // A broken lesson file is an author's mistake, not a crash: name the file and the reason, no stack.
  if (error instanceof ContentError) console.error(`The curriculum is invalid; nothing was imported.\n  ${error.message}`);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
