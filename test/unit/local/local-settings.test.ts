import { loadNotifierConfig } from '../../../lambda/notifier/notifier-config';
import { loadLocalSettings } from '../../../local/local-config';

describe('the local notifier settings', () => {
  it.each([
    ['unset', {}],
    ['blank', { OFFICE_NAME: '  ', MEETING_PLACE: '' }],
    ['set', { OFFICE_NAME: ' Acme Corp. ', MEETING_PLACE: 'reception' }],
  ])('sign and place a visitor as the deployed notifier does when they are %s', (_case, env) => {
    const deployed = loadNotifierConfig({ SENDER_EMAIL: 'desk@example.com', ...env });

    const local = loadLocalSettings(env).notifier;

    expect(local).toEqual({ officeName: deployed.officeName, meetingPlace: deployed.meetingPlace });
  });
});
