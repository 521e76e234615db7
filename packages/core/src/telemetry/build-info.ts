import { readFileSync } from 'node:fs';

export interface BuildInfo {
  version: string;
  /** The git commit the build came from (GIT_COMMIT, set by CI / the image build), else "unknown". */
  commit: string;
}

const ROOT_PACKAGE_JSON = new URL('../../../../package.json', import.meta.url);

function rootVersion(): string {
  try {
    const parsed = JSON.parse(readFileSync(ROOT_PACKAGE_JSON, 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Version and commit of the running build, for `academy_build_info` and the trace resource. */
export function buildInfo(env: Record<string, string | undefined> = process.env): BuildInfo {
  const commit = env.GIT_COMMIT?.trim();
  return {
    version: env.npm_package_version ?? rootVersion(),
    commit: commit ? commit : 'unknown',
  };
}
