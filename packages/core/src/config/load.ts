import { configSchema, crossFieldProblems, type Config } from './schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from an environment. BOT_MODE defaults to polling when a bot token is set
 * and to off otherwise, so `npm start` runs the bot exactly when it can. Every problem is reported at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string | undefined> = { ...env };
  if (!input.BOT_MODE) input.BOT_MODE = input.TELEGRAM_BOT_TOKEN ? 'polling' : 'off';
  const result = configSchema.safeParse(input);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => {
        const name = issue.path.length > 0 ? issue.path.join('.') : 'BOT_MODE';
        const message = issue.code === 'invalid_union' ? 'must be one of off, polling, webhook' : issue.message;
        return `${name} ${message}`;
      });
  problems.push(...crossFieldProblems(input));
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigError(problems);
}

/** For process entry points: print every problem and exit 1 instead of starting half-configured. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
