import type { Spread } from './stats';

/** One line of a results table: a figure, its spread, and how it compares with its baseline and target. */
export interface ResultRow {
  readonly figure: string;
  readonly unit: string;
  readonly value: Spread;
  /** The same figure for the part's baseline, measured in the same run. */
  readonly baseline?: Spread | undefined;
  /** value.median / baseline.median */
  readonly ratio?: number | undefined;
  /** For example "≤ 0.8× baseline" or "< 1 ms"; rows without one are for information. */
  readonly target?: string | undefined;
  /** Undefined when the row has no target. */
  readonly pass?: boolean | undefined;
  readonly note?: string | undefined;
}

export interface PartResult {
  readonly part: string;
  readonly title: string;
  readonly rows: readonly ResultRow[];
  /** What was measured and how, printed under the table. */
  readonly notes: readonly string[];
  /** Set when the part could not run; the reason is printed instead of the table. */
  readonly skipped?: string | undefined;
}

export interface BenchResults {
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly environment: {
    readonly node: string;
    readonly platform: string;
    readonly cpus: number;
    readonly cpuModel: string;
    readonly loadAverage: readonly number[];
  };
  readonly parts: readonly PartResult[];
}

/** A target the issue sets, as a predicate on a row's figures. */
export interface Target {
  readonly text: string;
  readonly met: (value: Spread, baseline: Spread | undefined) => boolean;
}

export function row(fields: {
  figure: string;
  unit: string;
  value: Spread;
  baseline?: Spread | undefined;
  target?: Target | undefined;
  note?: string | undefined;
}): ResultRow {
  const ratio =
    fields.baseline && fields.baseline.median > 0 ? fields.value.median / fields.baseline.median : undefined;
  return {
    figure: fields.figure,
    unit: fields.unit,
    value: fields.value,
    baseline: fields.baseline,
    ratio,
    target: fields.target?.text,
    pass: fields.target ? fields.target.met(fields.value, fields.baseline) : undefined,
    note: fields.note,
  };
}

/** Targets the issue sets. */
export const targets = {
  /** The median at most `limit` times the baseline's (a zero baseline allows only zero). */
  ratioAtMost: (limit: number): Target => ({
    text: `≤ ${limit}× baseline`,
    met: (value, baseline) => baseline !== undefined && value.median <= limit * baseline.median,
  }),
  /** Every measurement below `limit`. */
  below: (limit: number, unit: string): Target => ({
    text: `< ${limit} ${unit}`,
    met: (value) => value.max < limit,
  }),
  /** The median below `limit`. */
  medianBelow: (limit: number, unit: string): Target => ({
    text: `< ${limit} ${unit}`,
    met: (value) => value.median < limit,
  }),
  /** Every measurement at most `limit`. */
  atMost: (limit: number, unit: string): Target => ({
    text: `≤ ${limit}${unit ? ` ${unit}` : ''}`,
    met: (value) => value.max <= limit,
  }),
  /** Every measurement exactly `expected`. */
  exactly: (expected: number, unit: string): Target => ({
    text: `= ${expected}${unit ? ` ${unit}` : ''}`,
    met: (value) => value.min === expected && value.max === expected,
  }),
};
