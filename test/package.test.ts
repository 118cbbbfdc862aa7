/**
 * The app as Zapier receives it: the CLI's offline validation and build (which ends by loading the
 * zip the way Zapier's runtime does, "Testing build"), and what goes into the zip.
 */
import AdmZip from 'adm-zip';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
/** Runs the CLI and returns its exit status with everything it printed (progress goes to stderr). */
const cli = (...args: string[]) => {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'zapier-platform'), args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

jest.setTimeout(240_000);

// Both commands run _zapier-build, so they must not run in parallel.
let validate: ReturnType<typeof cli>;
let build: ReturnType<typeof cli>;
beforeAll(() => {
  validate = cli('validate', '--without-style');
  build = cli('build', '--skip-dep-install', '--skip-validation');
});

it('runs on Node 22, the version Zapier runs v19 integrations on', () => {
  expect(process.versions.node.split('.')[0]).toBe('22');
});

it('passes zapier-platform validate (schema and functional constraints)', () => {
  expect(validate.output).toContain('No structural errors found');
  expect(validate.status).toBe(0);
});

it('builds a zip that loads the way Zapier loads it', () => {
  expect(build.output).toContain('Testing build');
  expect(build.output).toContain('Build complete!');
  expect(build.status).toBe(0);
});

describe('the built zip', () => {
  const zipNames = () =>
    new AdmZip(path.join(root, 'build', 'build.zip')).getEntries().map((entry) => entry.entryName);

  it('holds the wrapper, the root shim and the compiled app', () => {
    expect(zipNames()).toEqual(
      expect.arrayContaining(['zapierwrapper.js', 'index.js', 'lib/index.js', 'definition.json']),
    );
  });

  it('holds no development tools, tests or sources', () => {
    const ours = zipNames().filter((name) => !name.startsWith('node_modules/'));
    expect(ours.filter((name) => /sandbox|scripts|test|\.tools|\.ts$/.test(name))).toEqual([]);
  });

  it('describes every operation in definition.json', () => {
    const zip = new AdmZip(path.join(root, 'build', 'build.zip'));
    const definition = JSON.parse(zip.readAsText('definition.json')) as {
      creates: Record<string, unknown>;
      authentication: { fields: { key: string }[] };
    };
    expect(Object.keys(definition.creates)).toContain('delete_optout');
    expect(definition.authentication.fields.map((field) => field.key)).toEqual([
      'api_key',
      'api_platform',
      'api_url',
    ]);
  });
});
