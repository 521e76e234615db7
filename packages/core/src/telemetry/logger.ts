import pino, { type Logger } from 'pino';
import { activeTraceFields, tracingActive } from './trace-context';

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
    // With tracing on, every line written inside a span carries its trace_id and span_id (log ↔ trace).
    // With tracing off there is no mixin at all: no per-line cost.
    ...(tracingActive() ? { mixin: () => activeTraceFields() ?? {} } : {}),
  });
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
