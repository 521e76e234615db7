import { z } from 'zod';

// Every environment variable the academy reads, in one place. `.env.example` documents each one;
// `config.test.ts` checks that the two lists agree.

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = (protocols: readonly string[]) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url()
      .refine((value) => protocols.some((p) => value.startsWith(`${p}:`)), {
        message: `must start with ${protocols.map((p) => `${p}:`).join(' or ')}`,
      })
      .optional(),
  );
const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);
const booleanFlag = (fallback: boolean) =>
  z
    .preprocess(emptyToUndefined, z.enum(['true', 'false', '1', '0']).optional())
    .transform((value) => (value === undefined ? fallback : value === 'true' || value === '1'));

export const ROLE_NAMES = ['migrate', 'content-sync', 'api', 'web', 'bot'] as const;
export type Role = (typeof ROLE_NAMES)[number];

const roles = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === 'all') return [...ROLE_NAMES];
      const names = value.split(',').map((name) => name.trim()).filter(Boolean);
      for (const name of names) {
        if (!(ROLE_NAMES as readonly string[]).includes(name)) {
          ctx.addIssue({ code: 'custom', message: `unknown role "${name}"; roles are ${ROLE_NAMES.join(', ')}, or all` });
        }
      }
      return names as Role[];
    }),
);

const base = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  ROLES: roles,
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port(3000),
  METRICS_PORT: port(9464),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
  DATABASE_READ_URL: optionalUrl(['postgres', 'postgresql']),
  DATABASE_CA_CERT: optionalString,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: optionalUrl(['redis', 'rediss']),

  CONTENT_DIR: optionalString,
  QUIZ_PASS_MARK: z.coerce.number().int().min(1).max(100).default(70),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),

  SESSION_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, 'must be at least 32 characters').optional(),
  ),
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).default(86_400),
  INIT_DATA_MAX_AGE_SECONDS: z.coerce.number().int().min(1).default(86_400),
  ADMIN_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  OPS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),

  TELEGRAM_BOT_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC-DEF… (the token @BotFather gives)')
      .optional(),
  ),
  TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
  WEB_APP_URL: optionalUrl(['https', 'http']),

  BACKUP_URL: optionalUrl(['file', 's3']),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(['http', 'https']),
  OTEL_SERVICE_NAME: z.string().min(1).default('telegram-ios-academy'),
  GIT_COMMIT: optionalString,
  TRUST_PROXY: booleanFlag(false),
});

// The bot's mode decides what else is required: a webhook needs its secret, polling and off do not.
const botMode = z.discriminatedUnion('BOT_MODE', [
  z.object({ BOT_MODE: z.literal('off') }),
  z.object({ BOT_MODE: z.literal('polling') }),
  z.object({
    BOT_MODE: z.literal('webhook'),
    TELEGRAM_WEBHOOK_SECRET: z
      .string({ error: 'is required when BOT_MODE=webhook' })
      .min(32, 'must be at least 32 characters')
      .regex(/^[A-Za-z0-9_-]+$/, 'may contain only A-Z, a-z, 0-9, _ and - (Telegram’s rule)'),
  }),
]);

export const configSchema = base.and(botMode);

/** Every variable the schema reads; `.env.example` documents exactly these. */
export const CONFIG_KEYS = [...Object.keys(base.shape), 'BOT_MODE', 'TELEGRAM_WEBHOOK_SECRET'] as const;

export type Config = z.output<typeof configSchema>;

/**
 * Rules that join several variables. They read the raw environment so that they are reported together
 * with every other problem, even when some value fails its own check.
 */
export function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const set = (name: string) => (env[name] ?? '') !== '';
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !set('SESSION_SECRET')) problems.push('SESSION_SECRET is required when NODE_ENV=production');
  if (set('BOT_MODE') && env.BOT_MODE !== 'off' && !set('TELEGRAM_BOT_TOKEN')) {
    problems.push(`TELEGRAM_BOT_TOKEN is required when BOT_MODE=${env.BOT_MODE}`);
  }
  if (set('DATABASE_READ_URL') && !set('DATABASE_URL')) problems.push('DATABASE_READ_URL needs DATABASE_URL (the primary) as well');
  const port = Number(env.PORT || 3000);
  const metricsPort = Number(env.METRICS_PORT || 9464);
  if (metricsPort !== 0 && metricsPort === port) {
    problems.push('METRICS_PORT must differ from PORT: /metrics is never served on the public port');
  }
  return problems;
}
