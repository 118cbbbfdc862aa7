/** Package size: build/build.zip of this app against the minimal app's. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { MINIMAL_APP, PROJECT_ROOT } from '../invoke';
import type { Section } from '../report';
import { round } from '../stats';

/** Builds the zip the CLI uploads, and measures it: size, file count, unpacked bytes. */
const buildZip = (appDir: string) => {
  const cli = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'zapier-platform');
  const built = spawnSync(cli, ['build', '--skip-dep-install', '--skip-validation'], {
    cwd: appDir,
    encoding: 'utf8',
    env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' },
  });
  if (built.status !== 0) {
    throw new Error(`build in ${appDir} failed: ${built.stdout}${built.stderr}`);
  }
  const zipFile = path.join(appDir, 'build', 'build.zip');
  const entries = new AdmZip(zipFile).getEntries().filter((entry) => !entry.isDirectory);
  const bytes = entries.reduce((sum, entry) => sum + entry.header.size, 0);
  return { zipBytes: statSync(zipFile).size, files: entries.length, unpackedBytes: bytes };
};

/**
 * The minimal app is built outside the project, so that neither build sees the other's files,
 * from the same installed packages (hard links: the CLI does not follow a symlinked node_modules
 * when it gathers the zip's files).
 */
const buildMinimalZip = () => {
  const minimalDir = mkdtempSync(path.join(tmpdir(), 'minimal-zapier-app-'));
  for (const file of ['index.js', 'package.json', '.zapierapprc', '.gitignore']) {
    copyFileSync(path.join(MINIMAL_APP, file), path.join(minimalDir, file));
  }
  const linked = spawnSync('cp', [
    '-al',
    path.join(PROJECT_ROOT, 'node_modules'),
    path.join(minimalDir, 'node_modules'),
  ]);
  if (linked.status !== 0) {
    throw new Error(`could not link node_modules: ${linked.stderr.toString()}`);
  }
  try {
    return buildZip(minimalDir);
  } finally {
    rmSync(minimalDir, { recursive: true, force: true });
  }
};

export const packageSize = (): Section => {
  const app = buildZip(PROJECT_ROOT);
  const min = buildMinimalZip();
  const sizeRatio = round(app.zipBytes / min.zipBytes);
  const filesRatio = round(app.files / min.files);
  const size = (zip: typeof app) => `${round(zip.zipBytes / 1e6)} MB, ${zip.files} files`;
  return {
    results: { app, minimal: min, zipBytesRatio: sizeRatio, filesRatio, target: 1.5 },
    rows: [
      ['Package: build/build.zip', 'this app', size(app), ''],
      [
        '',
        'minimal app',
        size(min),
        `size ratio ${sizeRatio}, files ratio ${filesRatio} (target ≤ 1.5)`,
      ],
    ],
  };
};
