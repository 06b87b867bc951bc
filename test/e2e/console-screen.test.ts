import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { testConsoleRoutes } from '../../local/console/test-console';
import { type ReplaySkill, startReplaySkill } from '../../local/dialog/dialog-backends';
import { type AlexaServer, createAlexaServer } from '../../local/http-server';
import { AlexaRequestVerifier } from '../../local/request-verifier';

/**
 * The test console's Echo Show screen in real Chromium: the device picker, the screen the skill
 * sends, and a click on a listed person touching the screen. Its own server, so the device it
 * picks does not leak into the other console tests.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];

describe('the Echo Show screen in the test console', () => {
  let sample: ReplaySkill;
  let server: AlexaServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    }
    sample = await startReplaySkill();
    server = createAlexaServer({
      invokeSkill: (envelope) => sample.skill.invoke(envelope),
      verifier: new AlexaRequestVerifier(),
      devRoutes: testConsoleRoutes(sample),
      log: () => undefined,
    });
    const address = await server.listen(0, '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sample?.close();
  });

  async function say(text: string): Promise<string> {
    const answers = page.locator('[data-role="alexa"]');
    const before = await answers.count();
    await page.fill('#utterance', text);
    await page.press('#utterance', 'Enter');
    await answers.nth(before).waitFor();
    return (await answers.nth(before).textContent()) ?? '';
  }

  it('shows no screen for an Echo without one, then the list an Echo Show shows, as text', async () => {
    // Prepare
    await say('open front desk');
    await say('who works at Acme');
    const headless = await page.textContent('#screen');

    // Act
    await page.selectOption('#device', 'screen');
    await page.waitForSelector('.session-divider:text("device: Echo Show (screen)")');
    await say('who works at Acme');

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
