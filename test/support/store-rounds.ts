/** One store call: when it started and ended (`performance.now()`; an unfinished call has no end yet). */
export interface TimedCall {
  readonly start: number;
  readonly end: number;
}

/**
 * The sequential store round trips of a set of calls: the longest chain of calls each of which
 * started after the one before it had ended. Calls under way together are one round; a long call
 * beside two short ones in a row does not merge them into one.
 */
export function sequentialRounds(calls: readonly TimedCall[]): number {
  const ordered = [...calls].sort((a, b) => a.start - b.start);
  const depths: number[] = [];
  ordered.forEach((call, index) => {
    let before = 0;
    for (let earlier = 0; earlier < index; earlier += 1) {
      const previous = ordered[earlier];
      if (previous && previous.end <= call.start) before = Math.max(before, depths[earlier] ?? 0);
    }
    depths.push(before + 1);
  });
  return Math.max(0, ...depths);
}
