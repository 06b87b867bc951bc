import type { RetryNotice } from './directory-admin-repository';

/** What an import or export tells the admin while it runs. Every method is optional. */
export interface ImportReporter {
  /** A step starts: "Reading the directory table". */
  stage?(message: string): void;
  /** Writes done so far over all of the import's writes. */
  progress?(done: number, total: number): void;
  warning?(message: string): void;
  retry?(notice: RetryNotice): void;
}

/** The stream a reporter draws on: stderr, so stdout holds only the summary. */
export interface ReportStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

/**
 * Reports on a terminal with a progress bar redrawn in place, and elsewhere (CI logs, pipes) with
 * one plain line per tenth of the work, so logs stay readable.
 */
export function createConsoleReporter(
  stream: ReportStream,
  now: () => number = Date.now,
): ImportReporter & { finish(): void } {
  let barShown = false;
  let lastDraw = 0;
  let lastTenth = -1;
  let startedAt = 0;
  const clearBar = (): void => {
    if (barShown) stream.write('\r\u001b[2K');
    barShown = false;
  };
  const line = (text: string): void => {
    clearBar();
    stream.write(`${text}\n`);
  };
  return {
    stage: (message) => line(message),
    warning: (message) => line(`warning: ${message}`),
    retry: (notice) => {
      if (!stream.isTTY) {
        line(
          `  retrying ${notice.items} write(s) (${notice.reason}, attempt ${notice.attempt + 1}) in ${notice.delayMs} ms`,
        );
      }
    },
    progress: (done, total) => {
      const time = now();
      if (startedAt === 0) startedAt = time;
      const fraction = total === 0 ? 1 : done / total;
      if (stream.isTTY) {
        if (done < total && time - lastDraw < REDRAW_MS) return;
        lastDraw = time;
        const filled = Math.round(fraction * BAR_WIDTH);
        const seconds = (time - startedAt) / 1000;
        // A rate over less than a second says more about the first batch than about the import.
        const rate = seconds >= 1 ? `  ${Math.round(done / seconds).toLocaleString('en-US')}/s` : '';
        const percent = Math.floor(fraction * 100)
          .toString()
          .padStart(3);
        const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
        stream.write(
          `\r\u001b[2K  [${bar}] ${percent}%  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} writes${rate}`,
        );
        barShown = true;
        if (done >= total) clearBar();
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        line(`  ${tenth * 10}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} writes)`);
      }
    },
    finish: () => clearBar(),
  };
}
