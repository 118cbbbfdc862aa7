/** The registry (test/operations.ts) holds every operation once, and every suite takes it whole. */
import { readdirSync } from 'node:fs';
import App from '../../index';
import { OPERATIONS, RUNS } from '../operations';
import { SHARDS, shard } from './fault-matrix';

describe('the registry of operations', () => {
  it('has every operation of the app, and the connection test, and nothing else', () => {
    const keys = [
      'authentication',
      ...Object.keys(App.triggers ?? {}),
      ...Object.keys(App.creates ?? {}),
      ...Object.keys(App.searches ?? {}),
    ];
    expect(Object.keys(OPERATIONS).sort()).toEqual([...new Set(keys)].sort());
  });

  it('addresses each operation by the method path the app has', () => {
    for (const [key, { method }] of Object.entries(OPERATIONS)) {
      expect(method).toMatch(
        key === 'authentication'
          ? /^authentication\.test$/
          : new RegExp(`\\.${key}\\.operation\\.perform$`),
      );
    }
  });

  it('puts every run in exactly one fault-matrix file, and has a file for every shard', () => {
    const files = readdirSync(__dirname).filter((name) =>
      /^fault-matrix-\d+\.test\.ts$/.test(name),
    );
    expect(files.sort()).toEqual(
      Array.from({ length: SHARDS }, (_, i) => `fault-matrix-${i + 1}.test.ts`).sort(),
    );
    const dealt = Array.from({ length: SHARDS }, (_, i) => shard(i + 1)).flat();
    expect(dealt.map((run) => run.title).sort()).toEqual(RUNS.map((run) => run.title).sort());
  });
});
