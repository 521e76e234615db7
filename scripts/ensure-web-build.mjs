// Builds the Mini App (apps/web → apps/web/dist) when the build is missing or older than its sources, so
// `npm ci && npm start` serves it on a fresh machine while a warm start costs only a few file stats.
// Runs before `npm start` (prestart) and in the e2e suite's global setup. Plain Node: no TypeScript loader
// to start when there is nothing to do.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB_DIR = join(ROOT, 'apps/web');
const BUILT = join(WEB_DIR, 'dist/index.html');
const SOURCES = ['index.html', 'vite.config.ts', 'package.json', 'src', 'public'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Why the build must run, or undefined when apps/web/dist is up to date. */
function staleReason() {
  if (!existsSync(BUILT)) return 'apps/web/dist is missing';
  const built = statSync(BUILT).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(join(WEB_DIR, source)) > built);
  return changed ? `apps/web/${changed} changed since the last build` : undefined;
}

// A process without the web role does not need the build (ROLES=api, migrate, …).
const roles = process.env.ROLES?.trim();
const needsWeb = !roles || roles === 'all' || roles.split(',').map((role) => role.trim()).includes('web');
const reason = needsWeb ? staleReason() : undefined;
if (reason) {
  console.log(`Building the Mini App (${reason})…`);
  // NODE_ENV=test (set by a test runner) would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', 'build', '-w', '@academy/web'], { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`Building the Mini App failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}
