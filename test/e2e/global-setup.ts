import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENSURE_WEB_BUILD = fileURLToPath(new URL('../../scripts/ensure-web-build.mjs', import.meta.url));

/** Once per run: the suites serve apps/web/dist, so it must be built from the current sources. */
export default function setup(): void {
  const { ROLES: _roles, ...env } = process.env;
  const result = spawnSync(process.execPath, [ENSURE_WEB_BUILD], { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error('building the Mini App failed; see the output above');
}
