import { createLogger, pseudonymize } from '../../lambda/src/logger';
import { lambdaFieldsOf, runInRequestScope, takeColdStart } from '../../lambda/src/request-scope';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: 'INFO', write: (line) => lines.push(line) }) };
}

describe('createLogger', () => {
  it('writes one JSON object per line with level, timestamp and message', () => {
    const { lines, logger } = capture();

    logger.child({ requestId: 'r-1' }).info('Request received', { intent: 'ContactDetailsIntent' });

    const line = JSON.parse(lines[0] ?? '{}');
    expect(line).toMatchObject({
      level: 'INFO',
      message: 'Request received',
      requestId: 'r-1',
      intent: 'ContactDetailsIntent',
    });
    expect(line.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
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

  describe('Alexa ids, in the shapes Alexa sends them (test/shared real envelopes)', () => {
    const REQUEST = 'amzn1.echo-api.request.4574d246-0e7e-425a-bfb2-4421d624d014';
    const ZEROS = 'amzn1.echo-api.request.0000000-0000-0000-0000-00000000000';
    const SESSION = 'amzn1.echo-api.session.0000000-0000-0000-0000-00000000000';
    const SKILL = 'amzn1.ask.skill.4cda8755-6c0d-47a2-85c3-448fbf7c2732';
    const USER =
      'amzn1.ask.account.AEP5XOWS6QYICRV73GWIN5MOUD3RD3SA4NSX6PCJYWVT57X75LSJLYO7OT3CI6EMOAA3S7Y35WH7EGD6AAX4N3POL6KSBLXE4SJV7MV3DNYPAVWDBWAO7YBJXCAHSDA3LF4H3U4VA4S7UAGQSJ7QZ2GRZ23C2XJB4PU6VGYWKMQHYIPPFVNUGTTHB72ZAQZWXOAQDSYS4UCM3OA';
    const DEVICE = 'amzn1.ask.device.XYZ78900000000000000000000000';
    const PERSON = 'amzn1.ask.person.AEKNASL7YNDQ2DL6IFQLJN53KDH4N6PLEFXQVCTUFGCASUK23WHDMOTIQ7RFHA3ZOZL';

    it('keeps request, session and skill ids whole: they name no one, and find the request', () => {
      // Prepare
      const { lines, logger } = capture();
      // Act
      logger.info(`Answered ${REQUEST}.`, { requestId: ZEROS, sessionId: SESSION, skill: SKILL });
      // Assess
      expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
        message: `Answered ${REQUEST}.`,
        requestId: ZEROS,
        sessionId: SESSION,
        skill: SKILL,
      });
      expect(lines[0]).not.toMatch(/\[phone\]|\[email\]/);
    });

    it('pseudonymizes user, person and device ids whole, never part of one as a phone number', () => {
      // Prepare
      const { lines, logger } = capture();
      // Act
      logger.info('Saved', { userId: USER, deviceId: DEVICE, note: `person ${PERSON} on ${DEVICE}` });
      // Assess
      expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
        userId: pseudonymize(USER),
        deviceId: pseudonymize(DEVICE),
        note: `person ${pseudonymize(PERSON)} on ${pseudonymize(DEVICE)}`,
      });
      expect(lines[0]).not.toMatch(/amzn1\.ask\.(account|person|device)|\[phone\]/);
    });

    it("keeps an ARN whole, so a refused call's table can be read, account id included", () => {
      // Prepare
      const { lines, logger } = capture();
      const arn = 'arn:aws:dynamodb:us-east-1:123456789012:table/FrontDesk-BackendUsersTable-1A2B3C';
      // Act
      logger.error(`Refused on ${arn}.`, { resource: arn });
      // Assess
      expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ message: `Refused on ${arn}.`, resource: arn });
    });

    it("keeps Lambda's request id (a UUID) whole, though its digit runs look like a phone number", () => {
      // Prepare
      const { lines, logger } = capture();
      const awsRequestId = '6f1c2a9e-1b2c-4d5e-8f90-123456789abc';
      // Act
      logger.info('Request received', { awsRequestId });
      // Assess
      expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ awsRequestId });
    });

    it('still masks a phone number and an address written right beside an id', () => {
      // Prepare
      const { lines, logger } = capture();
      // Act
      logger.info(`${REQUEST} +1 512 555 0100 jane@example.com`);
      // Assess
      expect(JSON.parse(lines[0] ?? '{}').message).toBe(`${REQUEST} [phone] [email]`);
    });
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

describe('lambdaFieldsOf', () => {
  it("gives Lambda's invocation id and the cold start flag, which every line of the request then carries", () => {
    // Prepare
    const { lines, logger } = capture();
    const context = { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef', functionName: 'x' };
    // Act
    runInRequestScope(
      { logFields: { requestId: 'amzn1.echo-api.request.1', ...lambdaFieldsOf(context, true) } },
      () => logger.info('Request received'),
    );
    // Assess
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      requestId: 'amzn1.echo-api.request.1',
      awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      coldStart: true,
    });
  });

  it('has no invocation id outside Lambda (the local server, tests)', () => {
    // Assess
    expect(lambdaFieldsOf(undefined, false)).toEqual({ coldStart: false });
  });

  it('takeColdStart is true once per process, then false', () => {
    // Assess: jest gives each test file its own module registry, so this file's first call is the first.
    expect([takeColdStart(), takeColdStart(), takeColdStart()]).toEqual([true, false, false]);
  });
});
