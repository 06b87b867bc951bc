import type { PartResult, ResultRow } from './results';
import type { Spread } from './stats';

function formatNumber(value: number, unit: string): string {
  if (unit === 'kB') return value.toFixed(1);
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

function formatSpread(spread: Spread | undefined, unit: string): [string, string, string] {
  if (!spread) return ['', '', ''];
  return [formatNumber(spread.median, unit), formatNumber(spread.min, unit), formatNumber(spread.max, unit)];
}

function verdict(row: ResultRow): string {
  if (row.pass === undefined) return '';
  return row.pass ? 'pass' : 'FAIL';
}

export const TABLE_HEADER = [
  'figure',
  'unit',
  'median',
  'min',
  'max',
  'baseline',
  'ratio',
  'target',
  'result',
];

/** The cells of one row, in {@link TABLE_HEADER} order. */
export function rowCells(row: ResultRow): string[] {
  const [median, min, max] = formatSpread(row.value, row.unit);
  return [
    row.figure,
    row.unit,
    median,
    min,
    max,
    row.baseline ? formatNumber(row.baseline.median, row.unit) : '',
    row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`,
    row.target ?? '',
    verdict(row),
  ];
}

/** A plain-text table with aligned columns, for the terminal. */
export function textTable(part: PartResult): string {
  const lines = [`${part.part}. ${part.title}`];
  if (part.skipped) {
    lines.push(`  not measured: ${part.skipped}`);
    return lines.join('\n');
  }
  const cells = [TABLE_HEADER, ...part.rows.map(rowCells)];
  const widths = TABLE_HEADER.map((_, column) =>
    Math.max(...cells.map((line) => (line[column] ?? '').length)),
  );
  for (const [index, line] of cells.entries()) {
    const text = line
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
    lines.push(`  ${text.trimEnd()}`);
    if (index === 0) lines.push(`  ${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  }
  for (const note of part.notes) lines.push(`  * ${note}`);
  for (const row of part.rows) if (row.note) lines.push(`  * ${row.figure.trim()}: ${row.note}`);
  return lines.join('\n');
}

/** The same table in Markdown, for bench/README.md. */
export function markdownTable(part: PartResult): string {
  if (part.skipped) return `**${part.part}. ${part.title}**: not measured (${part.skipped}).`;
  const escapeCell = (cell: string): string => cell.replace(/\|/g, '\\|');
  const lines = [
    `**${part.part}. ${part.title}**`,
    '',
    `| ${TABLE_HEADER.join(' | ')} |`,
    `|${TABLE_HEADER.map((_, column) => (column < 2 ? '---' : '---:')).join('|')}|`,
    ...part.rows.map((row) => `| ${rowCells(row).map(escapeCell).join(' | ')} |`),
    '',
    ...part.notes.map((note) => `- ${note}`),
    ...part.rows.filter((row) => row.note).map((row) => `- ${row.figure.trim()}: ${row.note}`),
  ];
  return lines.join('\n');
}
