import { createConsoleReporter } from '../../../../scripts/directory-import/progress';

function recorder(isTTY: boolean): { stream: { isTTY: boolean; write(text: string): void }; text(): string } {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (text) => chunks.push(text) }, text: () => chunks.join('') };
}

describe('createConsoleReporter', () => {
  it('prints one plain line per tenth of the work when not on a terminal', () => {
    // Prepare
    const output = recorder(false);
    const reporter = createConsoleReporter(output.stream);

    // Act
    for (let done = 0; done <= 1000; done += 25) reporter.progress?.(done, 1000);

    // Assess
    const lines = output.text().trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toBe('  100% (1,000 of 1,000 writes)');
    expect(output.text()).not.toContain('\r');
  });

  it('redraws a bar in place on a terminal and clears it when done', () => {
    // Prepare
    const output = recorder(true);
    let time = 0;
    const reporter = createConsoleReporter(output.stream, () => time);

    // Act
    for (let done = 0; done <= 100; done += 10) {
      time += 1000;
      reporter.progress?.(done, 100);
    }
    reporter.stage?.('Done');

    // Assess
    expect(output.text()).toContain('\r');
    expect(output.text()).toMatch(/\[#{12}-{12}\] {2}50% {2}50\/100 writes/);
    expect(output.text().endsWith('Done\n')).toBe(true);
  });

  it('puts warnings on their own line', () => {
    const output = recorder(false);

    createConsoleReporter(output.stream).warning?.('line 1: unknown column "x" is ignored');

    expect(output.text()).toBe('warning: line 1: unknown column "x" is ignored\n');
  });
});
