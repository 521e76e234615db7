import type { FastifyInstance, FastifyRequest } from 'fastify';
import { activeRequestSpan, tracingActive, UNMATCHED_ROUTE, type Metrics } from '@academy/core';

// Request telemetry for the public app. Metrics: one onResponse hook, a label lookup and two increments —
// nothing else on the hot path. Tracing (only when it is on): the server span gets the route template,
// the authenticated learner's id (from the verified session token, never a header) and, on 5xx, an error
// status with `error.type`.

function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? UNMATCHED_ROUTE;
}

export function registerRequestTelemetry(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(request.method, routeOf(request), reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  if (tracingActive()) registerSpanAnnotations(app);
}

const errorTypes = new WeakMap<FastifyRequest, string>();

function registerSpanAnnotations(app: FastifyInstance): void {
  app.addHook('onError', (request, _reply, error, done) => {
    const code = (error as { code?: unknown }).code;
    errorTypes.set(request, typeof code === 'string' ? code : error.name);
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    const span = activeRequestSpan();
    if (span) {
      const route = routeOf(request);
      span.setAttribute('http.route', route);
      span.updateName(`${request.method} ${route}`);
      if (request.learner) span.setAttribute('academy.user.id', String(request.learner.userId));
      if (reply.statusCode >= 500) span.fail(errorTypes.get(request) ?? String(reply.statusCode));
    }
    done(null, payload);
  });
}
