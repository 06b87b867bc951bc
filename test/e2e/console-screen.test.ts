import type { Page } from 'playwright-core';
import {
  type ConsoleInChromium,
  START_TIMEOUT_MS,
  say,
  startConsoleInChromium,
} from '../support/console-in-chromium';

/**
 * The test console's Echo Show screen in real Chromium: the device picker, the screen the skill
 * sends, and a click on a listed person touching the screen. Its own server, so the device it
 * picks does not leak into the other console tests.
 */
describe('the Echo Show screen in the test console', () => {
  let testConsole: ConsoleInChromium | undefined;
  let page: Page;

  beforeAll(async () => {
    testConsole = await startConsoleInChromium();
    page = await testConsole.openPage();
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await testConsole?.close();
  });

  it('shows no screen for an Echo without one, then the list an Echo Show shows, as text', async () => {
    // Prepare
    await say(page, 'open front desk');
    await say(page, 'who works at Acme');
    const headless = await page.textContent('#screen');

    // Act
    await page.selectOption('#device', 'screen');
    await page.waitForSelector('.session-divider:text("device: Echo Show (screen)")');
    await say(page, 'who works at Acme');

    // Assess
    expect(headless).toContain('The device has no screen.');
    expect(await page.textContent('.echo-show-heading')).toBe('People at Acme Corp.');
    expect(await page.locator('.echo-show-touch').count()).toBe(5);
    expect(await page.locator('.echo-show-touch').nth(4).textContent()).toContain(
      'Senior Engineer <Platform>',
    );
  });

  it('touches the screen when a listed person is clicked, and shows their details', async () => {
    // Prepare
    const answers = page.locator('[data-role="alexa"]');
    const before = await answers.count();

    // Act
    await page.locator('.echo-show-touch').nth(4).click();
    await answers.nth(before).waitFor();

    // Assess
    expect(await page.locator('[data-role="user"]').last().textContent()).toBe('[touch openContact c005]');
    expect(await answers.nth(before).textContent()).toContain(
      "Sean O'Neill, Senior Engineer <Platform> at Acme Corp.",
    );
    expect(await page.textContent('.echo-show-heading')).toBe("Sean O'Neill");
    expect(await page.textContent('#response-json')).toContain(
      '"type": "Alexa.Presentation.APL.RenderDocument"',
    );
  });
});
