import { createLogger, pseudonymize } from '../../lambda/src/logger';
import { runInRequestScope } from '../../lambda/src/request-scope';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: 'INFO', write: (line) => lines.push(line) }) };
}

describe('createLogger', () => {
  it('writes one JSON object per line with level, time and message', () => {
    const { lines, logger } = capture();

    logger.child({ requestId: 'r-1' }).info('Request received', { intent: 'ContactDetailsIntent' });

    const line = JSON.parse(lines[0] ?? '{}');
    expect(line).toMatchObject({
      level: 'INFO',
      message: 'Request received',
      requestId: 'r-1',
      intent: 'ContactDetailsIntent',
    });
    expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('never writes an email address, a phone number or an Alexa user id', () => {
    const { lines, logger } = capture();

    logger.info('Looked up jane.doe@example.com', {
      phone: '(512) 555-0100',
      e164: '+15125550100',
      user: 'amzn1.ask.account.AFQ2EXAMPLE',
      error: new Error('call +1 512 555 0100 failed'),
    });

    const text = lines.join('\n');
    expect(text).not.toMatch(/jane\.doe@example\.com|555|amzn1\.ask\.account/);
    expect(text).toContain('[email]');
    expect(text).toContain('[phone]');
    expect(text).toContain(pseudonymize('amzn1.ask.account.AFQ2EXAMPLE'));
  });

  it('leaves dates, times and short numbers alone', () => {
    const { lines, logger } = capture();

    logger.info('Checked in', { at: '2026-11-27T15:06:38.793Z', count: 37, version: '1234567' });

    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      at: '2026-11-27T15:06:38.793Z',
      count: 37,
      version: '1234567',
    });
  });

  it('drops lines below its level', () => {
    const { lines, logger } = capture();

    logger.debug('noise');

    expect(lines).toEqual([]);
  });
});

describe('createLogger within a request', () => {
  it("adds the request's fields to every line, whichever logger writes it", () => {
    const { lines, logger } = capture();

    runInRequestScope({ logFields: { requestId: 'r-2', intent: 'CheckInIntent' } }, () => {
      logger.info('From a service');
      logger.child({ step: 'write' }).warn('From a repository');
    });
    logger.info('Outside any request');

    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(
      parsed.slice(0, 2).every((line) => line.requestId === 'r-2' && line.intent === 'CheckInIntent'),
    ).toBe(true);
    expect(parsed[2]?.requestId).toBeUndefined();
  });

  it('cuts a long value after masking it, so a 200 KB value neither floods the log nor leaks half an address', () => {
    const { lines, logger } = capture();

    logger.info('Long', {
      value: `${'x'.repeat(200 * 1024)} jane.doe@example.com`,
      email: `${'y '.repeat(600)}jane.doe@example.com`,
    });

    const line = JSON.parse(lines[0] ?? '{}') as { value: string; email: string };
    expect(line.value.length).toBeLessThan(1100);
    expect(line.value).toMatch(/\.\.\. \(204808 characters\)$/);
    expect(lines[0]).not.toContain('jane.doe');
  });
});

describe('visitor names in logs', () => {
  it('masks a visitor field wherever it sits, as the visitor desk would pass it', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'INFO', write: (line) => lines.push(line) });

    logger.info('Visit', {
      visitor: { name: 'Sam Carter', company: 'Wayne Enterprises' },
      detail: { visitorName: 'Sam Carter', visitorCompany: 'Wayne' },
    });

    expect(lines[0]).not.toMatch(/Sam|Wayne/);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      visitor: '[visitor]',
      detail: { visitorName: '[visitor]' },
    });
  });
});
