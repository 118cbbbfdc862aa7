/**
 * `npm run bench`: what the app costs beyond the HTTP call it exists to make, measured against the
 * local sandbox on loopback only. Every comparison is measured side by side in one run (A, B, A,
 * B, …) and reported as min / median / max; ratios are of medians. Writes bench/results.json.
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { MINIMAL_APP, PROJECT_ROOT, loadHandler, minimalCodeInOurDefinition } from './invoke';
import { alternate, round, summarise, type Summary } from './stats';

const DAY = 86_400_000;
const MOBILE = '447700900123';
const DELETE = 'creates.delete_optout.operation.perform';
const results: Record<string, unknown> = {
  machine: { node: process.version, cpus: 2 },
  date: new Date().toISOString(),
};
const rows: string[][] = [];

const ms = (summary: Summary) =>
  `${round(summary.min)} / ${round(summary.median)} / ${round(summary.max)} ms`;
const ratio = (a: Summary, b: Summary) => round(a.median / b.median);

/** A DELETE straight from Node's http module: no Zapier at all. */
const bareDelete = (sandbox: Sandbox) => () =>
  new Promise<void>((resolve, reject) => {
    const body = JSON.stringify({ mobile: MOBILE });
    const req = request(`${sandbox.url}/addressbook/optout`, {
      method: 'DELETE',
      headers: {
        Authorization: `Bearer ${sandbox.apiKey}`,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });

const invocationOverhead = async () => {
  const sandbox = await startSandbox({
    optOuts: [{ mobile: MOBILE, note: 'MO', created: Date.now() }],
    keepOnDelete: true,
  });
  try {
    const authData = { api_key: sandbox.apiKey, api_url: sandbox.url };
    const ours = loadHandler(PROJECT_ROOT);
    const minimal = loadHandler(MINIMAL_APP);
    const hybrid = loadHandler(PROJECT_ROOT, minimalCodeInOurDefinition());
    const contenders = {
      // Ours gets the number as a marketer maps it: normalising it is part of the work.
      app: () => ours(DELETE, { authData, inputData: { mobile: '+44 7700 900123' } }),
      minimal: () => minimal(DELETE, { authData, inputData: { mobile: MOBILE } }),
      hybrid: () => hybrid(DELETE, { authData, inputData: { mobile: MOBILE } }),
      bare: bareDelete(sandbox),
    };
    await alternate(contenders, 50); // warm up
    const times = await alternate(contenders, 400);
    const app = summarise(times.app!);
    const min = summarise(times.minimal!);
    const hyb = summarise(times.hybrid!);
    const bare = summarise(times.bare!);
    results.invocation = {
      app,
      minimal: min,
      minimalCodeInOurDefinition: hyb,
      bare,
      appToMinimal: ratio(app, min),
      appToMinimalCodeInOurDefinition: ratio(app, hyb),
      ourDefinitionToMinimal: ratio(hyb, min),
      appToBare: ratio(app, bare),
      target: 1.1,
    };
    rows.push(
      ['Invocation, warm (400 each)', 'this app', ms(app), ''],
      ['', 'minimal app', ms(min), `app / minimal = ${ratio(app, min)} (target ≤ 1.10)`],
      [
        '',
        'minimal code, our definition',
        ms(hyb),
        `app / this = ${ratio(app, hyb)} (our code); this / minimal = ${ratio(hyb, min)} (core, our definition)`,
      ],
      ['', 'bare HTTP', ms(bare), `app / bare = ${ratio(app, bare)}`],
    );
  } finally {
    await sandbox.close();
  }
};

const writeBundle = (bundle: unknown) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'mobivate-bench-')), 'bundle.json');
  writeFileSync(file, JSON.stringify(bundle));
  return file;
};

interface ChildResult {
  loadMs: number;
  runMs: number;
  maxRssMb: number;
  outcome: string;
  output: unknown;
}

/** Runs one method in a fresh Node process; returns its own figures and the wall time around it. */
const inFreshProcess = async (appDir: string, method: string, bundleFile: string) => {
  const started = process.hrtime.bigint();
  const result = await new Promise<ChildResult>((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(__dirname, 'child.js'), appDir, method, bundleFile],
      { maxBuffer: 256 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as ChildResult)),
    );
  });
  return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, ...result };
};

const coldStart = async () => {
  const sandbox = await startSandbox({
    optOuts: [{ mobile: MOBILE, note: 'MO', created: Date.now() }],
    keepOnDelete: true,
  });
  try {
    const authData = { api_key: sandbox.apiKey, api_url: sandbox.url };
    const bundles = {
      app: writeBundle({ authData, inputData: { mobile: '+44 7700 900123' } }),
      minimal: writeBundle({ authData, inputData: { mobile: MOBILE } }),
    };
    const dirs = { app: PROJECT_ROOT, minimal: MINIMAL_APP };
    const wall: Record<'app' | 'minimal', number[]> = { app: [], minimal: [] };
    const load: Record<'app' | 'minimal', number[]> = { app: [], minimal: [] };
    for (let round = 0; round < 15; round++) {
      for (const name of round % 2
        ? (['minimal', 'app'] as const)
        : (['app', 'minimal'] as const)) {
        const run = await inFreshProcess(dirs[name], DELETE, bundles[name]);
        if (run.outcome !== 'ok') throw new Error(`cold start of the ${name} app: ${run.outcome}`);
        wall[name].push(run.wallMs);
        load[name].push(run.loadMs);
      }
    }
    const [app, min] = [summarise(wall.app), summarise(wall.minimal)];
    const [appLoad, minLoad] = [summarise(load.app), summarise(load.minimal)];
    results.coldStart = {
      app,
      minimal: min,
      appToMinimal: ratio(app, min),
      appLoad,
      minimalLoad: minLoad,
      target: 1.25,
    };
    rows.push(
      [
        'Cold start: new process, load, one delete (15 each)',
        'this app',
        ms(app),
        `of which loading the app: ${ms(appLoad)}`,
      ],
      [
        '',
        'minimal app',
        ms(min),
        `app / minimal = ${ratio(app, min)} (target ≤ 1.25); loading: ${ms(minLoad)}`,
      ],
    );
  } finally {
    await sandbox.close();
  }
};

const buildZip = (appDir: string) => {
  const cli = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'zapier-platform');
  const built = spawnSync(cli, ['build', '--skip-dep-install', '--skip-validation'], {
    cwd: appDir,
    encoding: 'utf8',
    env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' },
  });
  if (built.status !== 0)
    throw new Error(`build in ${appDir} failed: ${built.stdout}${built.stderr}`);
  const zipFile = path.join(appDir, 'build', 'build.zip');
  const entries = new AdmZip(zipFile).getEntries().filter((entry) => !entry.isDirectory);
  const bytes = entries.reduce((sum, entry) => sum + entry.header.size, 0);
  return { zipBytes: statSync(zipFile).size, files: entries.length, unpackedBytes: bytes };
};

const packageSize = () => {
  // The minimal app is built outside the project, so that neither build sees the other's files,
  // from the same installed packages (hard links: the CLI does not follow a symlinked
  // node_modules when it gathers the zip's files).
  const minimalDir = mkdtempSync(path.join(tmpdir(), 'minimal-zapier-app-'));
  for (const file of ['index.js', 'package.json', '.zapierapprc', '.gitignore']) {
    copyFileSync(path.join(MINIMAL_APP, file), path.join(minimalDir, file));
  }
  const linked = spawnSync('cp', [
    '-al',
    path.join(PROJECT_ROOT, 'node_modules'),
    path.join(minimalDir, 'node_modules'),
  ]);
  if (linked.status !== 0)
    throw new Error(`could not link node_modules: ${linked.stderr.toString()}`);
  const app = buildZip(PROJECT_ROOT);
  const min = buildZip(minimalDir);
  rmSync(minimalDir, { recursive: true, force: true });
  const sizeRatio = round(app.zipBytes / min.zipBytes);
  results.package = {
    app,
    minimal: min,
    zipBytesRatio: sizeRatio,
    filesRatio: round(app.files / min.files),
    target: 1.5,
  };
  rows.push(
    [
      'Package: build/build.zip',
      'this app',
      `${round(app.zipBytes / 1e6)} MB, ${app.files} files`,
      '',
    ],
    [
      '',
      'minimal app',
      `${round(min.zipBytes / 1e6)} MB, ${min.files} files`,
      `size ratio ${sizeRatio}, files ratio ${round(app.files / min.files)} (target ≤ 1.5)`,
    ],
  );
};

/** 100,000 distinct UK mobile numbers, as a marketer's sheet would hold them. */
const numbers = (count: number) =>
  Array.from({ length: count }, (_, i) => `+44 7${String(700000000 + i)}`);

const scale = async () => {
  const now = Date.now();
  const spread = Array.from({ length: 100_000 }, (_, i) => ({
    mobile: `4478${String(i).padStart(8, '0')}`,
    note: i % 3 ? 'API' : 'MO',
    created: now - Math.floor((i / 100_000) * 365 * DAY),
  }));
  const recent = spread.map((record, i) => ({
    ...record,
    created: now - Math.floor((i / 100_000) * 2 * DAY),
  }));
  const scenarios: Array<{
    name: string;
    optOuts: typeof spread;
    method: string;
    inputData: Record<string, unknown>;
  }> = [
    {
      name: 'Send Batch SMS, 10,000 recipients',
      optOuts: [],
      method: 'creates.send_batch_sms.operation.perform',
      inputData: { from: 'Acme', recipients: numbers(10_000), message: 'Spring sale' },
    },
    {
      name: 'Send Batch SMS, 100,000 recipients',
      optOuts: [],
      method: 'creates.send_batch_sms.operation.perform',
      inputData: { from: 'Acme', recipients: numbers(100_000), message: 'Spring sale' },
    },
    {
      name: 'Find Opt-Out, 100,000 over a year, absent number, 365 days',
      optOuts: spread,
      method: 'searches.find_optout.operation.perform',
      inputData: { mobile: '+447999999999' },
    },
    {
      name: 'Find Opt-Out, 100,000 over a year, newest number, 30 days',
      optOuts: spread,
      method: 'searches.find_optout.operation.perform',
      inputData: { mobile: '+447800000000', lookback_days: 30 },
    },
    {
      name: 'New Opt-Out poll, 100,000 over a year',
      optOuts: spread,
      method: 'triggers.new_optout.operation.perform',
      inputData: {},
    },
    {
      name: 'New Opt-Out poll, 100,000 in the last 2 days',
      optOuts: recent,
      method: 'triggers.new_optout.operation.perform',
      inputData: {},
    },
  ];
  const table: Record<string, unknown>[] = [];
  for (const scenario of scenarios) {
    const sandbox = await startSandbox({ optOuts: scenario.optOuts });
    try {
      const bundleFile = writeBundle({
        authData: { api_key: sandbox.apiKey, api_url: sandbox.url },
        inputData: scenario.inputData,
      });
      const run = await inFreshProcess(PROJECT_ROOT, scenario.method, bundleFile);
      const requests = sandbox.requests.length;
      const items = Array.isArray(run.output)
        ? `${run.output.length} items`
        : run.output
          ? 'a result'
          : '';
      const outcome = run.outcome === 'ok' ? `ok, ${items}` : run.outcome;
      table.push({
        scenario: scenario.name,
        requests,
        runMs: round(run.runMs),
        maxRssMb: round(run.maxRssMb, 0),
        outcome,
      });
      rows.push([
        scenario.name,
        `${requests} requests`,
        `${round(run.runMs / 1000)} s, peak ${round(run.maxRssMb, 0)} MB`,
        outcome.length > 110 ? `${outcome.slice(0, 110)}…` : outcome,
      ]);
    } finally {
      await sandbox.close();
    }
  }
  results.scale = table;
};

const main = async () => {
  console.log('Measuring against the local sandbox on loopback…');
  await invocationOverhead();
  await coldStart();
  packageSize();
  await scale();
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(
    `\n${rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n')}`,
  );
  const file = path.join(PROJECT_ROOT, 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(PROJECT_ROOT, file)}`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
