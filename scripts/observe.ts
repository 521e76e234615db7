// npm run observe: Prometheus (and Alertmanager, when installed) on this machine, watching the academy
// that `npm start` runs (metrics on localhost:9464), with the repository's alert rules.
//   PROMETHEUS_PORT (9090), ALERTMANAGER_PORT (9093), ACADEMY_METRICS (localhost:9464),
//   ACADEMY_URL (http://localhost:3000), OPS_TOKEN (the academy's; enables the incident-log webhook)
// Data stays in data/observe/ between runs. Ctrl-C stops both.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localAlertmanagerConfig, localPrometheusConfig } from './observe-config';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'data', 'observe');
const env = process.env;
const prometheusPort = env.PROMETHEUS_PORT ?? '9090';
const alertmanagerPort = env.ALERTMANAGER_PORT ?? '9093';
const academyMetrics = env.ACADEMY_METRICS ?? 'localhost:9464';
const academyUrl = env.ACADEMY_URL ?? 'http://localhost:3000';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function installed(binary: string): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

if (!installed('prometheus')) {
  say('Prometheus is not installed. On Debian/Ubuntu: sudo apt-get install -y prometheus prometheus-alertmanager');
  say('Or run the whole stack (Prometheus, Alertmanager, Grafana, Jaeger) in containers: docker compose -f deploy/docker/compose.yaml up --build');
  process.exit(1);
}
// Debian installs Alertmanager as prometheus-alertmanager; upstream archives call it alertmanager.
const alertmanagerBinary = ['alertmanager', 'prometheus-alertmanager'].find(installed);
const withAlertmanager = alertmanagerBinary !== undefined;

mkdirSync(join(DIR, 'prometheus-data'), { recursive: true });
mkdirSync(join(DIR, 'alertmanager-data'), { recursive: true });
writeFileSync(
  join(DIR, 'prometheus.yml'),
  localPrometheusConfig({
    targets: [academyMetrics],
    ruleFiles: [join(ROOT, 'deploy', 'monitoring', 'rules', '*.yml')],
    alertmanager: withAlertmanager ? `127.0.0.1:${alertmanagerPort}` : undefined,
    interval: '5s',
  }),
);
if (withAlertmanager) {
  writeFileSync(join(DIR, 'alertmanager.yml'), localAlertmanagerConfig({ webhookUrl: `${academyUrl}/api/v1/ops/alerts`, opsToken: env.OPS_TOKEN }));
}

const children: ChildProcess[] = [];
function run(binary: string, args: string[]): void {
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code) => {
    say(`${binary} exited (${code ?? 'signal'}); stopping.`);
    stop();
  });
  children.push(child);
}
function stop(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

run('prometheus', [
  `--config.file=${join(DIR, 'prometheus.yml')}`,
  `--storage.tsdb.path=${join(DIR, 'prometheus-data')}`,
  `--web.listen-address=127.0.0.1:${prometheusPort}`,
  '--web.enable-lifecycle',
  '--log.level=warn',
]);
if (alertmanagerBinary) {
  run(alertmanagerBinary, [
    `--config.file=${join(DIR, 'alertmanager.yml')}`,
    `--storage.path=${join(DIR, 'alertmanager-data')}`,
    `--web.listen-address=127.0.0.1:${alertmanagerPort}`,
    '--cluster.listen-address=',
    '--log.level=warn',
  ]);
}

async function ready(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (children.some((child) => child.exitCode !== null)) return false;
    const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then((response) => response.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
if (!(await ready(`http://127.0.0.1:${prometheusPort}/-/ready`))) {
  say('Prometheus did not become ready (see its messages above).');
  stop();
  process.exit(1);
}

say(`Prometheus:   http://127.0.0.1:${prometheusPort}  (scraping ${academyMetrics} every 5 s; alerts at /alerts)`);
if (withAlertmanager) {
  say(`Alertmanager: http://127.0.0.1:${alertmanagerPort}  (${env.OPS_TOKEN ? `delivers to ${academyUrl}/api/v1/ops/alerts` : 'UI only: set OPS_TOKEN to deliver to the academy incident log'})`);
} else {
  say('Alertmanager: not installed (apt-get install -y prometheus-alertmanager); alerts are shown in Prometheus only.');
}
say(`Config and data: ${DIR}. Start the academy with \`npm start\` in another terminal; Ctrl-C stops these.`);
