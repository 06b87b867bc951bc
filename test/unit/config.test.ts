import { loadConfig } from '../../lambda/src/config';

const base = { DIRECTORY_TABLE: 'dir', USERS_TABLE: 'users', EVENT_BUS_NAME: 'front-desk' };

describe('loadConfig', () => {
  it('reads the contract variables with their defaults', () => {
    // Act
    const config = loadConfig(base);

    // Assess
    expect(config).toEqual({
      directoryTable: 'dir',
      usersTable: 'users',
      skillId: undefined,
      officeTimeZone: 'America/New_York',
      officeCountry: 'US',
      dynamoDbEndpoint: undefined,
      logLevel: 'INFO',
      officeClosingTime: { hour: 19, minute: 0 },
      personalDevices: false,
      eventBusName: 'front-desk',
      eventBridgeEndpoint: undefined,
      visitorRetentionDays: 30,
      officePhone: undefined,
      hostNotifications: [],
    });
  });

  it('reads how hosts are told about visitors, and refuses a channel it does not know', () => {
    expect(loadConfig({ ...base, HOST_NOTIFICATIONS: 'email' }).hostNotifications).toEqual(['email']);
    expect(loadConfig({ ...base, HOST_NOTIFICATIONS: ' Chat, email ' }).hostNotifications).toEqual([
      'chat',
      'email',
    ]);
    expect(loadConfig({ ...base, HOST_NOTIFICATIONS: 'none' }).hostNotifications).toEqual([]);
    for (const text of ['sms', 'email,', 'email;chat', 'all']) {
      expect(() => loadConfig({ ...base, HOST_NOTIFICATIONS: text })).toThrow('HOST_NOTIFICATIONS');
    }
  });

  it('requires the event bus, as the contract says', () => {
    expect(() => loadConfig({ DIRECTORY_TABLE: 'dir', USERS_TABLE: 'users' })).toThrow(
      'Environment variable EVENT_BUS_NAME is required',
    );
  });

  it('takes the visitor desk settings, and refuses nonsense in them', () => {
    // Act
    const config = loadConfig({
      ...base,
      EVENTBRIDGE_ENDPOINT: 'http://127.0.0.1:4010',
      VISITOR_RETENTION_DAYS: '7',
      OFFICE_PHONE: '+15125550199',
    });

    // Assess
    expect(config.eventBridgeEndpoint).toBe('http://127.0.0.1:4010');
    expect(config.visitorRetentionDays).toBe(7);
    expect(config.officePhone).toBe('+15125550199');
    expect(() => loadConfig({ ...base, EVENTBRIDGE_ENDPOINT: 'events.local' })).toThrow(
      'EVENTBRIDGE_ENDPOINT',
    );
    for (const days of ['0', '-3', '2.5', 'thirty', '100000']) {
      expect(() => loadConfig({ ...base, VISITOR_RETENTION_DAYS: days })).toThrow('VISITOR_RETENTION_DAYS');
    }
  });

  it('names a missing required variable', () => {
    expect(() => loadConfig({ USERS_TABLE: 'users' })).toThrow(
      'Environment variable DIRECTORY_TABLE is required',
    );
  });

  it('refuses a time zone that is not IANA', () => {
    expect(() => loadConfig({ ...base, OFFICE_TIME_ZONE: 'Mars/Olympus' })).toThrow('OFFICE_TIME_ZONE');
  });

  it('accepts time zone aliases as well as canonical names', () => {
    expect(loadConfig({ ...base, OFFICE_TIME_ZONE: 'UTC' }).officeTimeZone).toBe('UTC');
    expect(loadConfig({ ...base, OFFICE_TIME_ZONE: 'US/Eastern' }).officeTimeZone).toBe('US/Eastern');
    expect(loadConfig({ ...base, OFFICE_TIME_ZONE: 'America/Chicago' }).officeTimeZone).toBe(
      'America/Chicago',
    );
  });

  it('takes the office country from OFFICE_COUNTRY, else from the time zone, and refuses anything else', () => {
    expect(loadConfig({ ...base, OFFICE_COUNTRY: 'gb' }).officeCountry).toBe('GB');
    expect(loadConfig({ ...base, OFFICE_TIME_ZONE: 'Europe/Berlin' }).officeCountry).toBe('DE');
    expect(loadConfig({ ...base, OFFICE_TIME_ZONE: 'America/Chicago' }).officeCountry).toBe('US');
    expect(() => loadConfig({ ...base, OFFICE_COUNTRY: 'Germany' })).toThrow('OFFICE_COUNTRY');
  });

  it('takes the optional variables', () => {
    // Act
    const config = loadConfig({
      ...base,
      SKILL_ID: 'amzn1.ask.skill.x',
      OFFICE_TIME_ZONE: 'Europe/London',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      LOG_LEVEL: 'debug',
    });

    // Assess
    expect(config.skillId).toBe('amzn1.ask.skill.x');
    expect(config.officeTimeZone).toBe('Europe/London');
    expect(config.dynamoDbEndpoint).toBe('http://127.0.0.1:8000');
    expect(config.logLevel).toBe('DEBUG');
  });

  it('reads the closing time and the personal-devices setting, and refuses malformed ones', () => {
    // Act
    const config = loadConfig({ ...base, OFFICE_CLOSING_TIME: '17:30', PERSONAL_DEVICES: 'TRUE' });

    // Assess
    expect(config.officeClosingTime).toEqual({ hour: 17, minute: 30 });
    expect(config.personalDevices).toBe(true);
    expect(loadConfig({ ...base, PERSONAL_DEVICES: 'false' }).personalDevices).toBe(false);
    expect(() => loadConfig({ ...base, OFFICE_CLOSING_TIME: '7 PM' })).toThrow('OFFICE_CLOSING_TIME');
    expect(() => loadConfig({ ...base, OFFICE_CLOSING_TIME: '25:00' })).toThrow('OFFICE_CLOSING_TIME');
    expect(() => loadConfig({ ...base, PERSONAL_DEVICES: 'yes' })).toThrow('PERSONAL_DEVICES');
  });
});
