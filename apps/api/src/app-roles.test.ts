import { afterEach, describe, expect, it } from 'vitest';
import { call, startTestApp, type TestApp } from './test/harness';

// One image, several roles: each process serves only its role's routes.
describe('routes by role', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('a web-only process serves the Mini App and health, but no API, admin, ops or docs', async () => {
    t = await startTestApp({ database: 'pglite', env: { ROLES: 'web' } });
    expect((await call(t.url, 'GET', '/health')).status).toBe(200);
    for (const path of ['/api/v1/courses', '/api/v1/admin/users/1', '/docs/json']) {
      expect((await call(t.url, 'GET', path)).status, path).toBe(404);
    }
    expect((await call(t.url, 'POST', '/api/v1/ops/alerts', { body: {} })).status).toBe(404);
  });

  it('an api-only process serves the API and docs, and no Mini App', async () => {
    t = await startTestApp({ database: 'pglite', env: { ROLES: 'api' } });
    expect((await call(t.url, 'GET', '/api/v1/courses')).status).toBe(200);
    expect((await call(t.url, 'GET', '/docs/json')).status).toBe(200);
    const page = await call(t.url, 'GET', '/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
  });
});
