import { describe, expect, it } from 'vitest';
import { createMetrics, HTTP_DURATION_BUCKETS } from './metrics';

const build = { version: '1.2.3', commit: 'abc1234' };

describe('metrics', () => {
  it('gives each instance its own registry, so tests and apps never share counters', async () => {
    const a = createMetrics({ build, processMetrics: false });
    const b = createMetrics({ build, processMetrics: false });
    a.observeRequest('GET', '/api/v1/courses', 200, 0.01);
    expect((await a.render()).body).toContain('http_requests_total{method="GET",route="/api/v1/courses",status="200"} 1');
    expect((await b.render()).body).not.toContain('route="/api/v1/courses"');
  });

  it('has a request histogram bucket at the 500 ms objective, with resolution around it', () => {
    expect(HTTP_DURATION_BUCKETS).toContain(0.5);
    expect(HTTP_DURATION_BUCKETS.filter((bucket) => bucket > 0.1 && bucket < 1).length).toBeGreaterThanOrEqual(4);
  });

  it('counts cache hits, misses and store errors by cache', async () => {
    const metrics = createMetrics({ build, processMetrics: false });
    metrics.cache.onHit?.('catalogue');
    metrics.cache.onHit?.('catalogue');
    metrics.cache.onMiss?.('catalogue');
    metrics.cache.onError?.('get', new Error('ECONNREFUSED'));
    metrics.cache.onError?.('set', new Error('ECONNREFUSED'));
    const { body } = await metrics.render();
    expect(body).toContain('academy_cache_requests_total{cache="catalogue",result="hit"} 2');
    expect(body).toContain('academy_cache_requests_total{cache="catalogue",result="miss"} 1');
    expect(body).toContain('academy_cache_requests_total{cache="unknown",result="error"} 1');
    expect(body).toContain('academy_cache_errors_total{operation="set"} 1');
  });

  it('counts bot updates (every outcome present from the start) and Telegram API errors', async () => {
    const metrics = createMetrics({ build, processMetrics: false });
    expect((await metrics.render()).body).toContain('academy_bot_updates_total{outcome="failed"} 0');
    metrics.bot.updateHandled('ok');
    metrics.bot.updateHandled('duplicate');
    metrics.bot.telegramApiError('sendMessage', 429);
    const { body } = await metrics.render();
    expect(body).toContain('academy_bot_updates_total{outcome="ok"} 1');
    expect(body).toContain('academy_bot_updates_total{outcome="duplicate"} 1');
    expect(body).toContain('academy_telegram_api_errors_total{method="sendMessage",code="429"} 1');
  });

  it('reads the database pool at every scrape, and names the build', async () => {
    const metrics = createMetrics({ build, processMetrics: false });
    expect((await metrics.render()).body).not.toContain('academy_db_pool_connections{');
    let waiting = 0;
    metrics.trackDbPool({ stats: () => ({ total: 7, idle: 2, waiting, max: 20 }) });
    waiting = 3;
    const { body, contentType } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('academy_db_pool_connections{state="total"} 7');
    expect(body).toContain('academy_db_pool_connections{state="idle"} 2');
    expect(body).toContain('academy_db_pool_connections{state="waiting"} 3');
    expect(body).toContain('academy_db_pool_max 20');
    expect(body).toContain('academy_build_info{version="1.2.3",commit="abc1234"} 1');
  });

  it('includes process and event-loop metrics by default', async () => {
    const { body } = await createMetrics({ build }).render();
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(body).toContain(`# TYPE ${name} `);
    }
  });
});
