// OpenTelemetry tracing, started only when OTEL_EXPORTER_OTLP_ENDPOINT is set. With it unset nothing from
// OpenTelemetry is even imported. It must start before http, pg, ioredis or fastify are imported: the
// instrumentations patch those modules as they load. main.ts therefore starts it first and imports the
// rest of the application afterwards (dynamically). This file imports only Node built-ins statically.
import { register } from 'node:module';
import type { IncomingMessage } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { buildInfo } from './build-info';
import { installTraceContextSource } from './trace-context';

export interface Tracing {
  /** Flushes buffered spans and stops the SDK (call on shutdown). */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  env?: Record<string, string | undefined>;
}

const DEFAULT_SERVICE_NAME = 'telegram-ios-academy';
/** Requests not worth a trace: probes and scrapes arrive every few seconds and say nothing. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);
/** Bot API URLs carry the bot token in the path (https://api.telegram.org/bot<token>/sendMessage). */
const BOT_TOKEN_IN_PATH = /\/bot\d+:[\w-]+/g;

export function redactUrl(value: string): string {
  return value.replace(BOT_TOKEN_IN_PATH, '/bot<redacted>');
}

let running: Promise<Tracing | undefined> | undefined;

/**
 * Starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set; resolves to undefined (and loads nothing) otherwise.
 * Export is OTLP/HTTP: protobuf by default, JSON with OTEL_EXPORTER_OTLP_PROTOCOL=http/json. The standard
 * OTEL_* variables (sampler, batch delays, resource attributes) are honoured by the SDK itself.
 */
export function startTracing(options: TracingOptions = {}): Promise<Tracing | undefined> {
  const env = options.env ?? process.env;
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return Promise.resolve(undefined);
  running ??= start(env);
  return running;
}

async function start(env: Record<string, string | undefined>): Promise<Tracing> {
  // ESM imports are patched by import-in-the-middle's loader hook, limited to the modules that an
  // instrumentation asks for; CommonJS requires by require-in-the-middle.
  const { createAddHookMessageChannel } = await import('import-in-the-middle');
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

  const [{ NodeSDK, resources }, { getNodeAutoInstrumentations }, api, exporter] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/auto-instrumentations-node'),
    import('@opentelemetry/api'),
    createExporter(env),
  ]);
  const build = buildInfo(env);
  const environment = env.NODE_ENV ?? 'development';
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME || DEFAULT_SERVICE_NAME,
    resource: resources.resourceFromAttributes({
      'service.version': build.version,
      'deployment.environment.name': environment,
      // The pre-1.27 name, which Jaeger and many dashboards still group by.
      'deployment.environment': environment,
      'vcs.ref.head.revision': build.commit,
    }),
    traceExporter: exporter,
    // Metrics go to Prometheus (prom-client), logs to stdout: the SDK exports traces only.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      getNodeAutoInstrumentations({
        '@opentelemetry/instrumentation-fs': { enabled: false },
        '@opentelemetry/instrumentation-dns': { enabled: false },
        '@opentelemetry/instrumentation-net': { enabled: false },
        // Log correlation is our pino mixin (logger.ts); the OTel log bridge is not used.
        '@opentelemetry/instrumentation-pino': { enabled: false },
        '@opentelemetry/instrumentation-http': {
          ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
          requestHook: (span, request) => {
            if (isIncoming(request)) {
              // The size of what the client sent; the user id is added once the session token is verified.
              const size = Number(request.headers['content-length']);
              if (Number.isFinite(size)) span.setAttribute('http.request.body.size', size);
            } else {
              redactSpanUrls(span);
            }
          },
        },
        '@opentelemetry/instrumentation-undici': { requestHook: (span) => redactSpanUrls(span) },
        // Statement text uses $1 placeholders; parameter values (personal data) are never recorded.
        '@opentelemetry/instrumentation-pg': { requireParentSpan: true, enhancedDatabaseReporting: false },
        // Only the command name: keys may hold a client address (rate limiter).
        '@opentelemetry/instrumentation-ioredis': { requireParentSpan: true, dbStatementSerializer: (command) => command },
      }),
    ],
  });
  sdk.start();
  await waitForAllMessagesAcknowledged();

  installTraceContextSource({
    activeIds() {
      const span = api.trace.getSpan(api.context.active());
      if (!span) return undefined;
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
    activeSpan() {
      const span = api.trace.getSpan(api.context.active());
      if (!span?.isRecording()) return undefined;
      return {
        setAttribute: (key, value) => span.setAttribute(key, value),
        updateName: (name) => span.updateName(name),
        fail(errorType) {
          span.setAttribute('error.type', errorType);
          span.setStatus({ code: api.SpanStatusCode.ERROR });
        },
      };
    },
  });
  return {
    async shutdown() {
      installTraceContextSource(undefined);
      await sdk.shutdown();
    },
  };
}

function isIncoming(request: unknown): request is IncomingMessage {
  return typeof request === 'object' && request !== null && 'headers' in request && 'socket' in request && !('setHeader' in request);
}

/** Rewrites the URL attributes of an outgoing span so the bot token never leaves the process. */
function redactSpanUrls(span: Span): void {
  const attributes = (span as unknown as { attributes?: Record<string, unknown> }).attributes ?? {};
  for (const key of ['url.full', 'http.url', 'url.path', 'http.target']) {
    const value = attributes[key];
    if (typeof value !== 'string') continue;
    const redacted = redactUrl(value);
    if (redacted !== value) span.setAttribute(key, redacted);
  }
}

async function createExporter(env: Record<string, string | undefined>) {
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  if (protocol === 'http/json') {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    return new OTLPTraceExporter();
  }
  if (protocol !== 'http/protobuf') throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} is not supported: use http/protobuf or http/json (OTLP over HTTP)`);
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
  return new OTLPTraceExporter();
}
