import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { testConsoleRoutes } from '../../local/console/test-console';
import { type ReplaySkill, startReplaySkill } from '../../local/dialog/dialog-backends';
import { type AlexaServer, createAlexaServer } from '../../local/http-server';
import { AlexaRequestVerifier } from '../../local/request-verifier';
import { PROJECT_ROOT } from '../support/skill-package';

/**
 * The test console in real Chromium (Debian's `chromium`, driven by playwright-core). The browser
 * only talks to the console on 127.0.0.1; nothing reaches the network.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = path.join(PROJECT_ROOT, 'test-results', 'console.png');

describe('the test console in Chromium', () => {
  let sample: ReplaySkill;
  let server: AlexaServer;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    }
    // npm start's wiring, on a fresh store seeded from the sample directory.
    sample = await startReplaySkill();
    server = createAlexaServer({
      invokeSkill: (envelope) => sample.skill.invoke(envelope),
      verifier: new AlexaRequestVerifier(),
      devRoutes: testConsoleRoutes(sample),
      log: () => undefined,
    });
    const address = await server.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sample?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#reset');
    await page.waitForSelector('#session-status:text("closed")');
  });

  afterEach(async () => {
    await page?.close();
  });

  /** Types an utterance and waits for Alexa's answer; returns the text of that answer's bubble. */
  async function say(text: string): Promise<string> {
    const answers = page.locator('[data-role="alexa"]');
    const before = await answers.count();
    await page.fill('#utterance', text);
    await page.press('#utterance', 'Enter');
    await answers.nth(before).waitFor();
    return (await answers.nth(before).textContent()) ?? '';
  }

  it('answers a typed utterance with the speech, the card and the JSON of both sides', async () => {
    const welcome = await say('open front desk');
    const answer = await say("what's bob smith's phone number");

    expect(welcome).toContain('Welcome to Front Desk.');
    expect(answer).toContain("Robert Smith's phone number is (512) 555-0101.");
    expect(answer).toContain('ContactDetailsIntent');
    expect(await page.textContent('.alexa-card-title')).toBe('Robert Smith');
    expect(await page.textContent('.alexa-card-text')).toContain('Title: Chief Financial Officer');
    expect(await page.textContent('#request-json')).toContain('"name": "ContactDetailsIntent"');
    expect(await page.textContent('#request-json')).toContain('"value": "phone number"');
    expect(await page.textContent('#response-json')).toContain('"shouldEndSession": false');
    expect(await page.textContent('#session-status')).toBe('open');
    expect(await page.textContent('#session-attributes')).toContain('"lastContactId": "c002"');

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await say('how do I reach Jane Doe');
    await say('the second one');
    await page.screenshot({ path: SCREENSHOT });
  });

  it('shows text from the skill as text, never as markup', async () => {
    await say('who is sean oneill');

    expect(await page.locator('[data-role="alexa"]').last().textContent()).toContain(
      'Senior Engineer <Platform>',
    );
    expect(await page.locator('.alexa-card-text').textContent()).toContain('Senior Engineer <Platform>');
  });

  it('sends a raw envelope exactly as pasted, and answers it', async () => {
    const envelope = readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/requests/help.json'), 'utf8');

    await page.click('#raw summary');
    await page.fill('#envelope', envelope);
    const answers = page.locator('[data-role="alexa"]');
    await page.click('#send-envelope');
    await answers.first().waitFor();

    expect(await page.locator('[data-role="user"]').last().textContent()).toBe('[raw AMAZON.HelpIntent]');
    expect(await answers.last().textContent()).toContain("Ask for someone's phone number");
    expect(await page.textContent('#request-json')).toContain('"requestId": "amzn1.echo-api.request.help"');
  });

  it('resets the session: the next utterance opens a new one', async () => {
    await say('open front desk');
    expect(await page.textContent('#session-status')).toBe('open');

    await page.click('#reset');
    await page.waitForSelector('#session-status:text("closed")');
    await say('help');

    expect(await page.textContent('#request-json')).toContain('"new": true');
    expect(await page.textContent('#session-status')).toBe('open');
  });

  it('leaves POST /alexa verified: an unsigned request from the page is refused', async () => {
    const status = await page.evaluate(async () => {
      const response = await fetch('/alexa', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ version: '1.0', request: { type: 'LaunchRequest' } }),
      });
      return response.status;
    });

    expect(status).toBe(400);
  });
});
