import type { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { escapeHtml, renderHostMessage } from '../../../lambda/notifier/host-message';
import { loadNotifierConfig } from '../../../lambda/notifier/notifier-config';
import { notifyHost, type VisitorArrivedEvent } from '../../../lambda/notifier/notify-host';

const SETTINGS = {
  officeName: 'Acme Corp.',
  meetingPlace: 'the reception on the 2nd floor',
  timeZone: 'America/New_York',
  senderEmail: 'front-desk@acme.example.com',
};

function arrival(visitor: { name: string; company?: string }, email?: string): VisitorArrivedEvent {
  return {
    source: 'front-desk',
    'detail-type': 'Visitor Arrived',
    detail: {
      at: '2025-01-15T14:05:00.000Z',
      visitId: 'v1',
      visitor,
      host: { id: 'c1', name: 'Wei Zhang', company: 'Acme Corp.', ...(email ? { email } : {}) },
    },
  };
}

class FakeSes {
  public readonly sent: SendEmailCommand[] = [];
  public failure: Error | undefined;
  public async send(command: SendEmailCommand): Promise<object> {
    if (this.failure) throw this.failure;
    this.sent.push(command);
    return { MessageId: 'm1' };
  }
}

describe('the host message', () => {
  it('names the visitor, company, time and where to meet', () => {
    const message = renderHostMessage(
      arrival({ name: 'Sam Carter', company: 'Wayne Enterprises' }, 'wei@acme.example.com').detail,
      SETTINGS,
    );

    expect(message.to).toBe('wei@acme.example.com');
    expect(message.subject).toBe('Your visitor Sam Carter from Wayne Enterprises is here');
    expect(message.text).toBe(
      [
        'Hello Wei Zhang,',
        '',
        'Sam Carter from Wayne Enterprises signed in at the front desk to see you (Wednesday, January 15 at 9:05 AM).',
        'Please meet them at the reception on the 2nd floor.',
        '',
        'Front Desk at Acme Corp.',
      ].join('\n'),
    );
    expect(message.html).toBe(
      [
        '<p>Hello Wei Zhang,</p>',
        '<p><strong>Sam Carter</strong> from <strong>Wayne Enterprises</strong> signed in at the front desk to see you (Wednesday, January 15 at 9:05 AM).</p>',
        '<p>Please meet them at the reception on the 2nd floor.</p>',
        '<p>Front Desk at Acme Corp.</p>',
      ].join('\n'),
    );
  });

  it('names a visitor without a company alone, in the subject and the body', () => {
    const message = renderHostMessage(
      arrival({ name: 'Sam Carter' }, 'wei@acme.example.com').detail,
      SETTINGS,
    );

    expect(message.subject).toBe('Your visitor Sam Carter is here');
    expect(message.text).toContain('Sam Carter signed in at the front desk to see you');
    expect(message.html).toContain('<p><strong>Sam Carter</strong> signed in at the front desk to see you');
  });

  it('keeps a visitor called {company} as typed, not read as a placeholder', () => {
    const message = renderHostMessage(
      arrival({ name: '{company}', company: '{visitor}' }, 'wei@acme.example.com').detail,
      SETTINGS,
    );

    expect(message.subject).toBe('Your visitor {company} from {visitor} is here');
    expect(message.text).toContain('{company} from {visitor} signed in at the front desk to see you');
    expect(message.html).toContain(
      '<p><strong>{company}</strong> from <strong>{visitor}</strong> signed in at the front desk to see you',
    );
  });

  it('escapes a visitor called <b>Sam</b> & Co in the HTML, and keeps line breaks out of the subject', () => {
    const message = renderHostMessage(
      arrival({ name: '<b>Sam</b> & Co', company: 'Evil "Corp"\r\nBcc: all@acme' }, 'wei@acme.example.com')
        .detail,
      SETTINGS,
    );

    expect(message.html).toContain('<strong>&lt;b&gt;Sam&lt;/b&gt; &amp; Co</strong>');
    expect(message.html).toContain('Evil &quot;Corp&quot; Bcc: all@acme');
    expect(message.html).not.toContain('<b>Sam</b>');
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('notifyHost', () => {
  it('sends the message from the configured identity to the host', async () => {
    const ses = new FakeSes();

    const outcome = await notifyHost(arrival({ name: 'Sam Carter' }, 'wei@acme.example.com'), ses, SETTINGS);

    expect(outcome).toBe('sent');
    expect(ses.sent).toHaveLength(1);
    expect(ses.sent[0]?.input).toMatchObject({
      FromEmailAddress: 'front-desk@acme.example.com',
      Destination: { ToAddresses: ['wei@acme.example.com'] },
      Content: { Simple: { Subject: { Data: 'Your visitor Sam Carter is here' } } },
    });
  });

  it('lets an SES failure through, so the platform retries and the dead-letter queue keeps the event', async () => {
    const ses = new FakeSes();
    ses.failure = Object.assign(new Error('Throttled'), { name: 'TooManyRequestsException' });

    await expect(notifyHost(arrival({ name: 'Sam' }, 'wei@acme.example.com'), ses, SETTINGS)).rejects.toThrow(
      'Throttled',
    );
  });

  it("throws SES's refusal without the recipient's address in it, still as SES named it", async () => {
    const ses = new FakeSes();
    ses.failure = Object.assign(
      new Error(
        'Email address is not verified. The following identities failed the check in region US-EAST-1: wei@acme.example.com',
      ),
      { name: 'MessageRejected' },
    );

    const thrown = await notifyHost(arrival({ name: 'Sam' }, 'wei@acme.example.com'), ses, SETTINGS).catch(
      (error: Error) => error,
    );

    expect(thrown).toMatchObject({ name: 'MessageRejected' });
    expect((thrown as Error).message).toContain('failed the check in region US-EAST-1: [email]');
    expect((thrown as Error).message).not.toContain('wei@');
  });

  it('sends nothing for a host without an email address, or for another event, and never logs a name', async () => {
    const ses = new FakeSes();
    const lines: Record<string, unknown>[] = [];

    expect(await notifyHost(arrival({ name: 'Sam Carter' }), ses, SETTINGS, (line) => lines.push(line))).toBe(
      'no email',
    );
    expect(
      await notifyHost(
        { ...arrival({ name: 'Sam Carter' }), 'detail-type': 'Checked In' },
        ses,
        SETTINGS,
        (line) => lines.push(line),
      ),
    ).toBe('ignored');
    expect(ses.sent).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain('Sam');
  });

  it('requires a sender address', () => {
    expect(() => loadNotifierConfig({})).toThrow('Environment variable SENDER_EMAIL is required');
  });

  it('given only a sender, signs for the office, sends the host to the front desk and writes New York time', async () => {
    const ses = new FakeSes();
    const config = loadNotifierConfig({ SENDER_EMAIL: 'front-desk@acme.example.com' });

    await notifyHost(arrival({ name: 'Sam Carter' }, 'wei@acme.example.com'), ses, config);

    expect(ses.sent[0]?.input.Content?.Simple?.Body?.Text?.Data).toBe(
      [
        'Hello Wei Zhang,',
        '',
        'Sam Carter signed in at the front desk to see you (Wednesday, January 15 at 9:05 AM).',
        'Please meet them at the front desk.',
        '',
        'Front Desk at the office',
      ].join('\n'),
    );
  });
});
