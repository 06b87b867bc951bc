import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { type DialogBackends, ExitCodes, runDialogCli } from '../../../../local/dialog/dialog-cli';

/** Answers with the request's name; stop ends the session. */
async function echoSkill(envelope: RequestEnvelope): Promise<ResponseEnvelope> {
  const request = envelope.request;
  const name = request.type === 'IntentRequest' ? (request as IntentRequest).intent.name : request.type;
  const ends = name === 'AMAZON.StopIntent';
  return {
    version: '1.0',
    response: {
      outputSpeech: { type: 'PlainText', text: `Heard ${name}.` },
      ...(name === 'ContactDetailsIntent'
        ? { card: { type: 'Simple', title: 'Robert Smith', content: 'Acme' } }
        : {}),
      shouldEndSession: ends,
      ...(ends ? {} : { reprompt: { outputSpeech: { type: 'PlainText', text: 'Well?' } } }),
    },
  };
}

function collect() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { stream, text: () => text };
}

describe('npm run dialog', () => {
  let folder: string;
  let opened: string[];
  let closed: number;
  const backends: DialogBackends = {
    interactive: async () => {
      opened.push('interactive');
      return {
        invoke: echoSkill,
        description: 'store: test',
        close: async () => {
          closed += 1;
        },
      };
    },
    replay: async () => {
      opened.push('replay');
      return {
        invoke: echoSkill,
        description: 'store: sample',
        close: async () => {
          closed += 1;
        },
      };
    },
  };

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'front-desk-dialog-'));
    opened = [];
    closed = 0;
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  async function run(argv: string[], input = '') {
    const stdout = collect();
    const stderr = collect();
    const code = await runDialogCli(
      argv,
      {
        stdin: Readable.from([input]),
        stdout: stdout.stream,
        stderr: stderr.stream,
        terminal: false,
        cwd: folder,
      },
      backends,
    );
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }

  function dialogFile(name: string, lines: string[]): string {
    const file = path.join(folder, name);
    writeFileSync(file, lines.join('\n'));
    return file;
  }

  it('answers what is typed, with the card and the session state, then closes the store', async () => {
    // Act
    const { code, stdout } = await run([], "open front desk\nwhat's bob smith's phone number\n.quit\nhelp\n");

    // Assess
    expect(code).toBe(ExitCodes.ok);
    expect(stdout).toContain('Alexa  Heard LaunchRequest.');
    expect(stdout).toContain('Alexa  Heard ContactDetailsIntent.');
    expect(stdout).toContain('Card   Robert Smith\n         Acme');
    expect(stdout).toContain('[session open]');
    expect(stdout).not.toContain('HelpIntent');
    expect(opened).toEqual(['interactive']);
    expect(closed).toBe(1);
  });

  it('shows the last request and response on .json', async () => {
    // Act
    const { stdout } = await run([], 'help\n.json\n');

    // Assess
    expect(stdout).toContain('"name": "AMAZON.HelpIntent"');
    expect(stdout).toContain('"text": "Heard AMAZON.HelpIntent."');
  });

  it('replays a passing script on the replay store and exits 0', async () => {
    // Prepare
    const file = dialogFile('ok.dialog', [
      'U: open front desk',
      'A: = Heard LaunchRequest.',
      'U: stop',
      'session: closed',
    ]);

    // Act
    const { code, stdout } = await run(['--replay', file]);

    // Assess
    expect(code).toBe(ExitCodes.ok);
    expect(stdout).toContain('U: open front desk\nA: Heard LaunchRequest.');
    expect(stdout).toContain(`✓ ${file}: 2 steps`);
    expect(opened).toEqual(['replay']);
  });

  it('exits 1 on the first mismatch, with the diff on stderr, and plays no further file', async () => {
    // Prepare
    const bad = dialogFile('bad.dialog', ['U: help', 'A: ~ Welcome']);
    const good = dialogFile('good.dialog', ['U: help']);

    // Act
    const { code, stderr } = await run(['--replay', bad, '--replay', good, '--quiet']);

    // Assess
    expect(code).toBe(ExitCodes.mismatch);
    expect(stderr).toContain(`✗ ${bad}\n${bad}:2: A: ~ Welcome`);
    expect(stderr).toContain('  - Welcome\n  + Heard AMAZON.HelpIntent.');
    expect(opened).toEqual(['replay']);
    expect(closed).toBe(1);
  });

  it.each([
    [['--replay'], '--replay needs a value'],
    [['--bogus'], 'Unknown argument --bogus'],
    [['--replay', 'missing.dialog'], 'ENOENT'],
    [
      ['--locale', 'xx-XX'],
      'No interaction model for xx-XX (models: de-DE, en-AU, en-CA, en-GB, en-IN, en-US)',
    ],
  ])('exits 2 for %j', async (argv, message) => {
    // Act
    const { code, stderr } = await run(argv);

    // Assess
    expect(code).toBe(ExitCodes.usage);
    expect(stderr).toContain(message);
  });
});
