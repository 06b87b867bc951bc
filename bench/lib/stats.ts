/** The spread of repeated measurements: each figure in the tables is a median with its min and max. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

/** The value below which `fraction` of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new RangeError('No samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] as number;
}

export function spreadOf(samples: readonly number[]): Spread {
  if (samples.length === 0) throw new RangeError('No samples');
  return {
    median: percentile(samples, 0.5),
    min: Math.min(...samples),
    max: Math.max(...samples),
    count: samples.length,
  };
}

/** Milliseconds since `start` (from `process.hrtime.bigint()`). */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
