/**
 * How much of a list the card keeps across pages. Session attributes travel in every response
 * and count toward its 24 KB, so a long list keeps its most recent lines; they are numbered, so
 * the card still says where in the list they stand.
 */
export const CARD_LINES_BUDGET = 3000;

/** The most recent of `lines` that fit in {@link CARD_LINES_BUDGET} (always at least one). */
export function keepWithinBudget(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let size = 0;
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index] as string;
    if (size + line.length + 1 > CARD_LINES_BUDGET && kept.length > 0) break;
    kept.unshift(line);
    size += line.length + 1;
  }
  return kept;
}
