import type { Page } from 'playwright-core';
import { testConsoleRoutes } from '../../local/console/test-console';
import { startReplaySkill } from '../../local/dialog/dialog-backends';
import { launchChromium } from './chromium';
import { startConsoleServer } from './console-server';

/**
 * `npm start`'s wiring (the skill on a fresh store seeded from the sample directory, behind the
 * local server with its test console) and a headless Chromium on it. The browser only talks to
 * the console on 127.0.0.1.
 */
export interface ConsoleInChromium {
  /** A new page showing the console, once its script is ready. */
  openPage(): Promise<Page>;
  /** Closes the browser, the server and the store, each even when another fails to close. */
  close(): Promise<void>;
}

/**
 * Room for the first test file to unpack Chromium (a few seconds) and start it on a loaded machine;
 * for `beforeAll`, where a hang should still end the file.
 */
export const START_TIMEOUT_MS = 120_000;

export async function startConsoleInChromium(): Promise<ConsoleInChromium> {
  // Closed in this order: the browser, then the server it talks to, then the store behind that.
  const closers: Array<() => Promise<void>> = [];
  const close = async (): Promise<void> => {
    const failures: unknown[] = [];
    for (const closer of closers.splice(0)) await closer().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  };
  try {
    // The browser first: without one, nothing else is started.
    const browser = await launchChromium();
    closers.push(() => browser.close());
    const sample = await startReplaySkill();
    closers.push(() => sample.close());
    const server = await startConsoleServer({
      invokeSkill: (envelope) => sample.skill.invoke(envelope),
      devRoutes: testConsoleRoutes(sample),
    });
    closers.splice(1, 0, () => server.close());
    const openPage = async (): Promise<Page> => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${server.base}/`);
      await page.waitForSelector('body[data-ready="true"]');
      return page;
    };
    return { openPage, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** Types an utterance and waits for Alexa's answer; returns the text of that answer's bubble. */
export async function say(page: Page, text: string): Promise<string> {
  const answers = page.locator('[data-role="alexa"]');
  const before = await answers.count();
  await page.fill('#utterance', text);
  await page.press('#utterance', 'Enter');
  await answers.nth(before).waitFor();
  return (await answers.nth(before).textContent()) ?? '';
}
