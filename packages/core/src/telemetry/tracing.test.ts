import { readFileSync } from 'node:fs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildInfo } from './build-info';
import { activeRequestSpan, activeTraceFields, tracingActive } from './trace-context';
import { redactUrl, startTracing } from './tracing';

// Tracing with a collector is tested on the real process (test/monitoring/tracing.test.ts); here: that
// it costs nothing when off, and that the bot token never reaches a span.

describe('tracing when OTEL_EXPORTER_OTLP_ENDPOINT is unset', () => {
  it('does not start, and the trace context is a no-op', async () => {
    expect(await startTracing({ env: { OTEL_SERVICE_NAME: 'x' } })).toBeUndefined();
    expect(tracingActive()).toBe(false);
    expect(activeTraceFields()).toBeUndefined();
    expect(activeRequestSpan()).toBeUndefined();
  });

  it('loads no OpenTelemetry module up front: the SDK is only imported dynamically, after the check', () => {
    const source = readFileSync(new URL('./tracing.ts', import.meta.url), 'utf8');
    const staticImports = [...source.matchAll(/^import (?!type ).*from '([^']+)';$/gm)].map((match) => match[1]);
    expect(staticImports.filter((name) => name?.startsWith('@opentelemetry') || name === 'import-in-the-middle')).toEqual([]);
  });

  it('adds no trace fields to log lines', async () => {
    const { createLogger } = await import('./logger');
    const logger = createLogger();
    // pino's mixin option is what would add them; with tracing off there is none.
    expect((logger as unknown as Record<symbol, unknown>)[pino.symbols.mixinSym]).toBeUndefined();
  });
});

describe('redactUrl', () => {
  it('removes the bot token from Bot API URLs and leaves other URLs alone', () => {
    expect(redactUrl('https://api.telegram.org/bot123456:AAbb-cc_DD/sendMessage')).toBe('https://api.telegram.org/bot<redacted>/sendMessage');
    expect(redactUrl('/bot123456:AAbb-cc_DD/getUpdates?offset=1')).toBe('/bot<redacted>/getUpdates?offset=1');
    expect(redactUrl('https://example.com/bots/list')).toBe('https://example.com/bots/list');
  });
});

describe('buildInfo', () => {
  it('takes the commit from GIT_COMMIT, else "unknown", and the version from package.json', () => {
    expect(buildInfo({ GIT_COMMIT: ' 0123abc ' }).commit).toBe('0123abc');
    expect(buildInfo({}).commit).toBe('unknown');
    expect(buildInfo({}).version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
