import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection, between measurements: each family's requests start from the same
 * clean heap instead of paying for the garbage of the family measured before them. (Their own
 * collections, minor and major, fall in their own timings, as they would in Lambda.)
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
