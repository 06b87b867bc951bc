import { measureEndOfDay } from '../../scripts/measure-end-of-day';

/**
 * The `npm run bench:end-of-day` harness with a small board: it checks what the measurement
 * reports, not how fast (the 5,000-person figure is in docs/end-of-day.md, measured by hand).
 */
describe('end of day on a bigger board (the measurement harness, small)', () => {
  it('reads one Query per page of 100, then per person one read round trip and one write round trip, and leaves the board empty', async () => {
    // Act
    const measured = await measureEndOfDay(250);

    // Assess
    expect(measured.first).toMatchObject({ checkedOut: 250, failed: 0, leftAsIs: 0, pages: 3 });
    // Per person, as for any check-out: the presence item and the history's newest version (read
    // together), then the new item and the history entry of the old one (written together).
    expect(measured.first.calls).toEqual({ QueryCommand: 3 + 250, GetItemCommand: 250, PutItemCommand: 500 });
    expect(measured.second).toMatchObject({ checkedOut: 0, pages: 1 });
    expect(measured.second.calls).toEqual({ QueryCommand: 1 });
    expect(measured.leftOnBoard).toBe(0);
  }, 120_000);
});
