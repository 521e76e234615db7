// The image's HEALTHCHECK: GET /health on this container's PORT; exit 0 when it answers 2xx, 1 otherwise.
// Node has fetch built in, so the slim image needs no curl.
const port = process.env.PORT || '3000';
const url = `http://127.0.0.1:${port}/health`;

try {
  const response = await fetch(url, { signal: AbortSignal.timeout(2500) });
  if (!response.ok) {
    console.error(`${url} answered ${response.status}`);
    process.exit(1);
  }
  process.exit(0);
} catch (error) {
  console.error(`${url} did not answer: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
