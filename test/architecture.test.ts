/**
 * Dependencies run one way (docs/code-map.md): operations and their inputs, outputs and steps
 * reach Mobivate only through its entry point, and the Mobivate layer imports nothing from the
 * app above it except the leaf folder src/common/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );

/** Each relative import of a file, resolved to a path under src/. */
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']*)'/g)].map(([, spec]) =>
    path.relative(SRC, path.resolve(path.dirname(file), spec!)),
  );

const files = sources(SRC).map((file) => ({
  file: path.relative(SRC, file),
  imports: importsOf(file),
}));

describe('the way dependencies run', () => {
  it('the Mobivate layer imports only itself and src/common/', () => {
    const outward = files
      .filter(({ file }) => file.startsWith('mobivate/'))
      .flatMap(({ file, imports }) =>
        imports
          .filter((target) => !target.startsWith('mobivate/') && !target.startsWith('common/'))
          .map((target) => `${file} → ${target}`),
      );
    expect(outward).toEqual([]);
  });

  it('the app reaches Mobivate only through its entry point', () => {
    const inward = files
      .filter(({ file }) => !file.startsWith('mobivate/'))
      .flatMap(({ file, imports }) =>
        imports
          .filter((target) => target.startsWith('mobivate/'))
          .map((target) => `${file} → ${target}`),
      );
    expect(inward).toEqual([]);
  });

  it('src/common/ imports nothing of the app', () => {
    const upward = files
      .filter(({ file }) => file.startsWith('common/'))
      .flatMap(({ file, imports }) =>
        imports
          // The app's name and version, for the User-Agent (src/common/app.ts).
          .filter((t) => !t.startsWith('common/') && t !== '../package.json')
          .map((t) => `${file} → ${t}`),
      );
    expect(upward).toEqual([]);
  });
});
