// The academy process: `academy --roles api,web,bot` (or ROLES=…). With no roles given it runs them all,
// which is what `npm start` does on the embedded default: migrate, sync the curriculum, serve.
import { ContentError, createLogger, loadConfigOrExit, migrate, ROLE_NAMES, syncCurriculumFromDir, type Role } from '@academy/core';
import { buildApp } from './app';
import { createPlatform } from './platform';
import { onShutdownSignal } from './shutdown';

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
  const platform = await createPlatform(config, logger);

  if (roles.has('migrate')) {
    const result = await migrate(platform.db);
    logger.info(result, `migrations: ${result.applied.length} applied, ${result.skipped.length} already in place`);
  }
  if (roles.has('content-sync')) await syncCurriculumFromDir(platform, platform.contentDir);

  const serves = roles.has('api') || roles.has('web');
  if (!serves) {
    await platform.close();
    return;
  }
  if (roles.has('bot') && config.BOT_MODE !== 'off') logger.warn('the bot role arrives with the learner-surfaces issue; not started');

  const app = await buildApp(platform);
  onShutdownSignal(logger, {
    stopAccepting: () => {
      platform.lifecycle.shuttingDown = true;
    },
    drain: () => app.close(),
    close: () => platform.close(),
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
