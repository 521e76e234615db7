import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../test/support';
import { ApiClient, ApiError } from './client';

describe('ApiClient', () => {
  it('turns problem+json into an ApiError with the stable code and detail', async () => {
    const api = new ApiClient(fakeFetch({ 'GET /api/v1/lessons/nope': () => ({ status: 404, body: { status: 404, code: 'lesson_not_found', detail: 'Lesson nope does not exist' } }) }));
    const error = await api.lesson('nope', 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'lesson_not_found', message: 'Lesson nope does not exist' });
  });

  it('reports a network failure as status 0', async () => {
    const api = new ApiClient(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.courses('ru')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('escapes ids in paths and sends the bearer token', async () => {
    const fetch = fakeFetch({ 'GET /api/v1/courses/a%2Fb': () => ({ body: {} }) });
    const api = new ApiClient(fetch);
    api.authorize('t');
    await api.course('a/b', 'en');
    expect(fetch.requests[0]).toMatchObject({ path: '/api/v1/courses/a%2Fb?locale=en', authorization: 'Bearer t' });
  });
});
