import path from 'node:path';
import type { PartResult, ResultRow } from '../../bench/lib/results';
import { markdownTable, textTable } from '../../bench/lib/table';
import { FULL, runBench, settingsFromArguments, USAGE } from '../../bench/run';

/**
 * `npm run bench` in miniature: every part runs with tiny counts, and the harness must produce
 * complete, consistent tables. The figures themselves are not checked here: timing targets belong
 * to the benchmark, not to the test suite.
 */
describe('the benchmark harness', () => {
  let parts: readonly PartResult[];
  const printed: string[] = [];

  beforeAll(async () => {
    const results = await runBench({
      ...FULL,
      directorySize: 40,
      coldStartRuns: 1,
      coldStartAlternatives: false,
      productionOutfile: path.join(__dirname, '../../bench/.work/smoke/front-desk.js'),
      warm: { warmup: 2, rounds: 2, perRound: 5, recordRepeats: 1 },
      growth: { sizes: [20, 60], warmup: 1, rounds: 1, perRound: 3, seedConcurrency: 2 },
      endpoint: { rounds: 1, durationMs: 300, maxRequests: 50, concurrency: 2 },
      latency: { delayMs: 1, warmup: 1, perFamily: 3 },
      log: () => undefined,
      onPart: (result) => {
        printed.push(result.part);
      },
    });
    parts = results.parts;
  }, 120_000);

  const partNamed = (name: string): PartResult => {
    const found = parts.find((part) => part.part === name);
    if (!found) throw new Error(`Part ${name} is missing`);
    return found;
  };
  const rowNamed = (part: PartResult, figure: string): ResultRow => {
    const found = part.rows.find((row) => row.figure === figure);
    if (!found) throw new Error(`Part ${part.part} has no row "${figure}"`);
    return found;
  };

  it('measures all six parts, in order, and none of them failed', () => {
    expect(parts.filter((part) => part.skipped !== undefined).map((part) => part.skipped)).toEqual([]);
    expect(parts.map((part) => part.part)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('gives every figure a spread whose median lies between its min and max', () => {
    for (const part of parts) {
      expect(part.rows.length).toBeGreaterThan(0);
      for (const row of part.rows) {
        for (const spread of [row.value, ...(row.baseline ? [row.baseline] : [])]) {
          expect(Number.isFinite(spread.median)).toBe(true);
          expect(spread.min).toBeLessThanOrEqual(spread.median);
          expect(spread.median).toBeLessThanOrEqual(spread.max);
        }
        expect(row.pass === undefined).toBe(row.target === undefined);
      }
    }
  });

  it('builds the production bundle and the baseline, and both answer a first lookup', () => {
    const coldStart = partNamed('1');
    expect(rowNamed(coldStart, 'bundle size').value.median).toBeGreaterThan(0);
    expect(rowNamed(coldStart, 'bundle size').baseline?.median).toBeGreaterThan(0);
    expect(rowNamed(coldStart, 'load (require) in a fresh process').target).toBe('≤ 0.7× baseline');
    expect(coldStart.notes).toContain('Every bundle answered the first lookup with the contact.');
  });

  it('times and counts every intent family that is built, lookups included', () => {
    expect(rowNamed(partNamed('2'), 'lookup: p99').target).toBeUndefined();
    expect(rowNamed(partNamed('2'), 'lookup: p99 without the AWS SDK').target).toBe('< 1 ms');
    expect(rowNamed(partNamed('3'), 'lookup: round trips').value.median).toBeGreaterThanOrEqual(1);
    expect(rowNamed(partNamed('3'), 'Scans, every request of parts 2 and 3').value.max).toBe(0);
    expect(rowNamed(partNamed('4'), 'lookup: items read').baseline?.median).toBeGreaterThanOrEqual(1);
  });

  it('loads both endpoints without a failed request', () => {
    const endpoint = partNamed('5');
    expect(rowNamed(endpoint, 'requests per second').value.median).toBeGreaterThan(0);
    expect(rowNamed(endpoint, 'failed requests (not HTTP 200)').value.max).toBe(0);
  });

  it('hands over each part as soon as it is measured, the growth last', () => {
    expect([...printed].sort()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(printed[printed.length - 1]).toBe('4');
  });

  it('counts the sequential store round trips of every family with a delay on each store call', () => {
    const latency = partNamed('6');
    expect(rowNamed(latency, 'lookup: sequential store round trips').value.median).toBeGreaterThanOrEqual(1);
    expect(rowNamed(latency, 'check-in: p50').target).toBe('≤ (3 + 1 PutEvents) × 1 + 3 ms');
    expect(rowNamed(latency, 'visitor arrival: events published (PutEvents)').value.median).toBe(1);
    expect(latency.notes.join(' ')).not.toContain('apology');
  });

  it('takes its parts, the large directory and the delay from the command line', () => {
    // Act
    const settings = settingsFromArguments(['--parts=1,6', '--large', '--delay=8']);

    // Assess
    expect(settings).not.toBe('help');
    if (settings === 'help') return;
    expect([...settings.parts]).toEqual(['1', '6']);
    expect(settings.growth.sizes).toEqual([1000, 100_000]);
    expect(settings.latency.delayMs).toBe(8);
    expect(settingsFromArguments(['--help'])).toBe('help');
    expect(USAGE).toContain('--large');
    expect(() => settingsFromArguments(['--lerge'])).toThrow(/Unknown option/);
  });

  it('prints each part as a text table and a Markdown table', () => {
    for (const part of parts) {
      expect(textTable(part)).toContain(`${part.part}. ${part.title}`);
      expect(
        markdownTable(part)
          .split('\n')
          .filter((line) => line.startsWith('|')),
      ).toHaveLength(part.rows.length + 2);
    }
  });
});
