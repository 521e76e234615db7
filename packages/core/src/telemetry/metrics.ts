import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CacheObserver } from '../cache/types';
import type { PoolStats } from '../db/types';
import type { BuildInfo } from './build-info';

// The process's Prometheus metrics. Names are contracts: the alert rules in deploy/monitoring/rules and
// the Grafana dashboards query them (test/monitoring checks that every name they use is exported here).

/** Request duration buckets: dense around the 500 ms p95 objective, so histogram_quantile is exact there. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5, 10];

/** The `route` label of a request no route matched (404s, scanners): never the raw URL. */
export const UNMATCHED_ROUTE = 'unmatched';

export const BOT_UPDATE_OUTCOMES = ['ok', 'failed', 'duplicate'] as const;
export type BotUpdateOutcome = (typeof BOT_UPDATE_OUTCOMES)[number];

/** What the bot reports; apps/bot receives this as its `metrics` dependency. */
export interface BotMetrics {
  updateHandled(outcome: BotUpdateOutcome): void;
  /** A Bot API call that failed: the method (e.g. "sendMessage") and Telegram's error code (e.g. 429), or "network". */
  telegramApiError(method: string, code: number | string): void;
}

export interface Metrics {
  readonly registry: Registry;
  /** Records one finished HTTP request; `route` is the route template or UNMATCHED_ROUTE. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** Pass to createCache({ observer }): hits, misses and store errors by cache (key namespace). */
  readonly cache: CacheObserver;
  readonly bot: BotMetrics;
  /** The pool whose stats() the DB gauges read at every scrape (the last one given wins). */
  trackDbPool(pool: { stats(): PoolStats }): void;
  /** The exposition text and its content type, for GET /metrics. */
  render(): Promise<{ contentType: string; body: string }>;
}

export interface MetricsOptions {
  build: BuildInfo;
  /** Default: a new registry, so tests (and several apps in one process) never share counters. */
  registry?: Registry;
  /** Process and event-loop metrics from prom-client (default true). */
  processMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = options.registry ?? new Registry();
  const registers = [registry];
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });

  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered on the public port, by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its response, by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_DURATION_BUCKETS,
    registers,
  });

  let pool: { stats(): PoolStats } | undefined;
  new Gauge({
    name: 'academy_db_pool_connections',
    help: 'Database pool connections: total (open), idle, and waiting (queries queued for a connection)',
    labelNames: ['state'] as const,
    registers,
    collect() {
      if (!pool) return;
      const stats = pool.stats();
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  new Gauge({
    name: 'academy_db_pool_max',
    help: 'Most connections the database pool may open (DATABASE_POOL_MAX; 1 for the embedded PGlite)',
    registers,
    collect() {
      if (pool) this.set(pool.stats().max);
    },
  });

  const cacheRequests = new Counter({
    name: 'academy_cache_requests_total',
    // `cache` is the key namespace ("catalogue"); not called `namespace`, which Prometheus sets to the
    // Kubernetes namespace on every series (a metric label of that name would be renamed exported_namespace).
    help: 'Cache lookups by cache (key namespace): hit, miss, or error (the store failed and the source was used)',
    labelNames: ['cache', 'result'] as const,
    registers,
  });
  const cacheErrors = new Counter({
    name: 'academy_cache_errors_total',
    help: 'Cache store failures by operation (get, set, parse, invalidate); the caller never sees them',
    labelNames: ['operation'] as const,
    registers,
  });

  const botUpdates = new Counter({
    name: 'academy_bot_updates_total',
    help: 'Telegram updates the bot handled, by outcome: ok, failed (an error reached the error boundary), duplicate (redelivery skipped)',
    labelNames: ['outcome'] as const,
    registers,
  });
  for (const outcome of BOT_UPDATE_OUTCOMES) botUpdates.inc({ outcome }, 0);
  const telegramErrors = new Counter({
    name: 'academy_telegram_api_errors_total',
    help: 'Failed Telegram Bot API calls, by method and error code',
    labelNames: ['method', 'code'] as const,
    registers,
  });

  new Gauge({
    name: 'academy_build_info',
    help: 'Always 1; the labels name the running build',
    labelNames: ['version', 'commit'] as const,
    registers,
  }).set({ version: options.build.version, commit: options.build.commit }, 1);

  return {
    registry,
    observeRequest(method, route, status, seconds) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
    cache: {
      onHit: (namespace) => cacheRequests.inc({ cache: namespace, result: 'hit' }),
      onMiss: (namespace) => cacheRequests.inc({ cache: namespace, result: 'miss' }),
      onError: (operation) => {
        cacheErrors.inc({ operation });
        // A failed read is a lookup that was neither a hit nor a miss; the observer is not told the key.
        if (operation === 'get') cacheRequests.inc({ cache: 'unknown', result: 'error' });
      },
    },
    bot: {
      updateHandled: (outcome) => botUpdates.inc({ outcome }),
      telegramApiError: (method, code) => telegramErrors.inc({ method, code: String(code) }),
    },
    trackDbPool(next) {
      pool = next;
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
