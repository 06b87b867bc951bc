import type { IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { runReplay } from '../../../../local/dialog/replay';
import { parseReplayScript, ReplayFormatError } from '../../../../local/dialog/replay-script';
import { DialogSession } from '../../../../local/dialog/session';

/** A stand-in skill: says which request it got, shows a card for lookups, ends on stop. */
async function echoSkill(envelope: RequestEnvelope): Promise<ResponseEnvelope> {
  const request = envelope.request;
  const name = request.type === 'IntentRequest' ? (request as IntentRequest).intent.name : request.type;
  const ends = name === 'AMAZON.StopIntent';
  return {
    version: '1.0',
    response: {
      outputSpeech: { type: 'SSML', ssml: `<speak>You asked for ${name}. Robert’s &amp; co.</speak>` },
      ...(name === 'ContactDetailsIntent'
        ? { card: { type: 'Standard', title: 'Robert Smith', text: 'Phone: (512) 555-0101' } }
        : {}),
      ...(ends
        ? { shouldEndSession: true }
        : { shouldEndSession: false, reprompt: { outputSpeech: { type: 'PlainText', text: 'Well?' } } }),
    },
  };
}

async function replay(text: string) {
  const session = new DialogSession({ invoke: echoSkill });
  return runReplay(parseReplayScript(text, 'test.dialog'), session);
}

describe('replaying a scripted dialog', () => {
  it('passes when every check holds, ignoring curly apostrophes and runs of spaces', async () => {
    // Act
    const result = await replay(
      [
        '# a comment',
        'U: open front desk',
        'intent: LaunchRequest',
        'A: ~ You asked for   LaunchRequest',
        "A: = You asked for LaunchRequest. Robert's & co.",
        'reprompt: = Well?',
        'card: none',
        'session: open',
        '',
        "U: what's bob smith's phone number",
        'intent: ContactDetailsIntent',
        "slot name: = bob smith's",
        'slot detail: ~ phone',
        'card title: = Robert Smith',
        'card: ~ 555-0101',
        'card: = Phone: (512) 555-0101',
        'A: !~ Sorry',
        'U: stop',
        'session: closed',
      ].join('\n'),
    );

    // Assess
    expect(result).toEqual({ file: 'test.dialog', passed: true, stepsPlayed: 3 });
  });

  it('stops at the first mismatch and reports the file, the line, what was said, and both texts', async () => {
    // Act
    const result = await replay(['U: open front desk', 'A: = You asked for Launch.', 'U: help'].join('\n'));

    // Assess
    expect(result.passed).toBe(false);
    expect(result.stepsPlayed).toBe(1);
    expect(result.failure).toBe(
      [
        'test.dialog:2: A: = You asked for Launch.',
        `  after "U: open front desk" (line 1), expected Alexa's speech to be exactly:`,
        '  - You asked for Launch.',
        "  + You asked for LaunchRequest. Robert's & co.",
        `${' '.repeat(24)}^ first difference, at character 21`,
      ].join('\n'),
    );
  });

  it('reports a missing card as none', async () => {
    // Act
    const result = await replay(['U: help', 'card: ~ Robert'].join('\n'));

    // Assess
    expect(result.failure).toContain('expected the card to contain:\n  - Robert\n  + (none)');
  });

  it('runs REPL commands: .reset starts a new session', async () => {
    // Act
    const result = await replay(
      ['U: open front desk', 'U: .reset', 'session: closed', 'U: help', 'session: open'].join('\n'),
    );

    // Assess
    expect(result.passed).toBe(true);
  });

  it.each([
    ['A: ~ hello', 'test.dialog:1: a check comes before any U: line'],
    ['U: hi\nX: what', 'test.dialog:2: unknown line "x:"'],
    [
      'U: hi\nA: hello',
      'test.dialog:2: start the expected text with "~ " (contains), "= " (exactly) or "!~ " (lacks)',
    ],
    ['U: hi\nsession: maybe', 'test.dialog:2: session: must be open or closed'],
    ['# nothing', 'test.dialog: no U: lines'],
  ])('refuses a malformed script, naming the line: %j', (text, message) => {
    expect(() => parseReplayScript(text, 'test.dialog')).toThrow(ReplayFormatError);
    expect(() => parseReplayScript(text, 'test.dialog')).toThrow(message);
  });
});
