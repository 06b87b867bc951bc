import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  type ConsoleInChromium,
  START_TIMEOUT_MS,
  say,
  startConsoleInChromium,
} from '../support/console-in-chromium';
import { PROJECT_ROOT } from '../support/skill-package';

/** The test console in real Chromium, driven by playwright-core, as a tester uses it. */
const SCREENSHOT = path.join(PROJECT_ROOT, 'test-results', 'console.png');

describe('the test console in Chromium', () => {
  let testConsole: ConsoleInChromium | undefined;
  let page: Page;

  beforeAll(async () => {
    testConsole = await startConsoleInChromium();
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await testConsole?.close();
  });

  beforeEach(async () => {
    if (!testConsole) throw new Error('The console did not start (see beforeAll)');
    page = await testConsole.openPage();
    await page.click('#reset');
    await page.waitForSelector('#session-status:text("closed")');
  });

  afterEach(async () => {
    await page?.close();
  });

  it('answers a typed utterance with the speech, the card and the JSON of both sides', async () => {
    // Act
    const welcome = await say(page, 'open front desk');
    const answer = await say(page, "what's bob smith's phone number");

    // Assess
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
    await say(page, 'how do I reach Jane Doe');
    await say(page, 'the second one');
    await page.screenshot({ path: SCREENSHOT });
  });

  it('shows text from the skill as text, never as markup', async () => {
    // Act
    await say(page, 'who is sean oneill');

    // Assess
    expect(await page.locator('[data-role="alexa"]').last().textContent()).toContain(
      'Senior Engineer <Platform>',
    );
    expect(await page.locator('.alexa-card-text').textContent()).toContain('Senior Engineer <Platform>');
  });

  it('sends a raw envelope exactly as pasted, and answers it', async () => {
    // Prepare
    const envelope = readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/requests/help.json'), 'utf8');

    // Act
    await page.click('#raw summary');
    await page.fill('#envelope', envelope);
    const answers = page.locator('[data-role="alexa"]');
    await page.click('#send-envelope');
    await answers.first().waitFor();

    // Assess
    expect(await page.locator('[data-role="user"]').last().textContent()).toBe('[raw AMAZON.HelpIntent]');
    expect(await answers.last().textContent()).toContain("Ask for someone's phone number");
    expect(await page.textContent('#request-json')).toContain('"requestId": "amzn1.echo-api.request.help"');
  });

  it('resets the session: the next utterance opens a new one', async () => {
    // Prepare
    await say(page, 'open front desk');
    expect(await page.textContent('#session-status')).toBe('open');

    // Act
    await page.click('#reset');
    await page.waitForSelector('#session-status:text("closed")');
    await say(page, 'help');

    // Assess
    expect(await page.textContent('#request-json')).toContain('"new": true');
    expect(await page.textContent('#session-status')).toBe('open');
  });

  it('leaves POST /alexa verified: an unsigned request from the page is refused', async () => {
    // Act
    const status = await page.evaluate(async () => {
      const response = await fetch('/alexa', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ version: '1.0', request: { type: 'LaunchRequest' } }),
      });
      return response.status;
    });

    // Assess
    expect(status).toBe(400);
  });
});
