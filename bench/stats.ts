export interface Summary {
  runs: number;
  min: number;
  median: number;
  max: number;
}

export const summarise = (values: number[]): Summary => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { runs: sorted.length, min: sorted[0]!, median, max: sorted[sorted.length - 1]! };
};

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs the contenders in turn (A, B, C, then B, C, A, …) and times each, in milliseconds. */
export const alternate = async (
  contenders: Record<string, () => Promise<unknown>>,
  rounds: number,
): Promise<Record<string, number[]>> => {
  const names = Object.keys(contenders);
  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!;
      const started = process.hrtime.bigint();
      await contenders[name]!();
      times[name]!.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return times;
};
