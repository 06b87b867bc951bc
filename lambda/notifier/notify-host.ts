import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { EVENT_SOURCE } from '../src/domain/events';
import { scrub } from '../src/logger';
import { type MessageSettings, renderHostMessage, type VisitorArrivedDetail } from './host-message';

async function sendScrubbed(ses: Pick<SESv2Client, 'send'>, command: SendEmailCommand): Promise<void> {
  try {
    await ses.send(command);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    throw Object.assign(new Error(String(scrub(error.message))), { name: error.name });
  }
}

/** The EventBridge event the rule delivers (the fields the notifier reads). */
export interface VisitorArrivedEvent {
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: VisitorArrivedDetail;
}

export type NotifyOutcome = 'sent' | 'no email' | 'ignored';

/**
 * Emails the host of a `Visitor Arrived` event through SES. A host without an email address gets
 * nothing here (the chat webhook, if any, still tells them). An SES failure is thrown, not
 * swallowed: EventBridge's asynchronous invocation retries, then the event lands in the
 * dead-letter queue, where an alarm sees it. The log line names the outcome, never a person, and
 * so does the error thrown: SES names the recipient in some of its messages ("Email address is not
 * verified. The following identities failed the check in region US-EAST-1: jane@example.com"),
 * and Lambda logs a thrown error's message.
 */
export async function notifyHost(
  event: VisitorArrivedEvent,
  ses: Pick<SESv2Client, 'send'>,
  settings: MessageSettings & { readonly senderEmail: string },
  log: (line: Record<string, unknown>) => void = () => undefined,
): Promise<NotifyOutcome> {
  if (event.source !== EVENT_SOURCE || event['detail-type'] !== 'Visitor Arrived' || !event.detail?.host) {
    log({ level: 'WARN', message: 'Not a Visitor Arrived event', detailType: event['detail-type'] });
    return 'ignored';
  }
  const message = renderHostMessage(event.detail, settings);
  if (!message.to) {
    log({ level: 'INFO', message: 'Host has no email address', visitId: event.detail.visitId });
    return 'no email';
  }
  await sendScrubbed(
    ses,
    new SendEmailCommand({
      FromEmailAddress: settings.senderEmail,
      Destination: { ToAddresses: [message.to] },
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: message.text, Charset: 'UTF-8' },
            Html: { Data: message.html, Charset: 'UTF-8' },
          },
        },
      },
    }),
  );
  log({ level: 'INFO', message: 'Host notified', visitId: event.detail.visitId });
  return 'sent';
}
