// The bridge between the (optional) OpenTelemetry SDK and the rest of the code. It imports nothing from
// OpenTelemetry: tracing.ts installs a source here when tracing starts. Until then every function is a
// no-op, so code that asks "is there a span?" costs one null check when tracing is off.

export interface TraceFields {
  trace_id: string;
  span_id: string;
}

/** What a request hook may do to the span of the request it runs in. */
export interface RequestSpan {
  setAttribute(key: string, value: string | number | boolean): void;
  updateName(name: string): void;
  /** Marks the span failed: status ERROR and `error.type` (a class or code name, never a message). */
  fail(errorType: string): void;
}

export interface TraceContextSource {
  /** Ids of the span active in the current async context, if any. */
  activeIds(): TraceFields | undefined;
  activeSpan(): RequestSpan | undefined;
}

let source: TraceContextSource | undefined;

export function installTraceContextSource(next: TraceContextSource | undefined): void {
  source = next;
}

/** True once tracing has started in this process. */
export function tracingActive(): boolean {
  return source !== undefined;
}

/** `{ trace_id, span_id }` of the active span, for log lines; undefined with no span or no tracing. */
export function activeTraceFields(): TraceFields | undefined {
  return source?.activeIds();
}

/** The span active in the current async context (for an HTTP request: its server span). */
export function activeRequestSpan(): RequestSpan | undefined {
  return source?.activeSpan();
}
