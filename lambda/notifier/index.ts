import { SESv2Client } from '@aws-sdk/client-sesv2';
import { loadNotifierConfig } from './notifier-config';
import { notifyHost, type VisitorArrivedEvent } from './notify-host';

// Built once per container.
const config = loadNotifierConfig();
const ses = new SESv2Client({});

/** The notifier Lambda: the target of the `Visitor Arrived` rule. */
export const handler = async (event: VisitorArrivedEvent): Promise<void> => {
  await notifyHost(event, ses, config, (line) => process.stdout.write(`${JSON.stringify(line)}\n`));
};
