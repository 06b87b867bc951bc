import { measureEndOfDay } from '../../scripts/measure-end-of-day';

/**
 * The `npm run bench:end-of-day` harness with a small board: it checks what the measurement
 * reports, not how fast (the 5,000-person figure is in docs/end-of-day.md, measured by hand).
 */
describe('end of day on a bigger board (the measurement harness, small)', () => {
  it('reads one Query per page of 100, writes three items per person, and leaves the board empty', async () => {
    // Act
    const measured = await measureEndOfDay(250);

    // Assess
    expect(measured.first).toMatchObject({ checkedOut: 250, failed: 0, leftAsIs: 0, pages: 3 });
    expect(measured.first.calls).toEqual({ QueryCommand: 3, PutItemCommand: 750 });
    expect(measured.second).toMatchObject({ checkedOut: 0, pages: 1 });
    expect(measured.second.calls).toEqual({ QueryCommand: 1 });
    expect(measured.leftOnBoard).toBe(0);
  }, 120_000);
});
