import pino, { type Logger } from 'pino';

export type { Logger };

// Secrets and personal data never reach the log: these paths are censored wherever they appear.
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers.cookie',
  'headers.authorization',
  'initData',
  '*.initData',
  'token',
  '*.token',
  'password',
  '*.password',
];

export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? 'academy',
    level: options.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'telegram-ios-academy' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
