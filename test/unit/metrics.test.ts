import { StoreUnavailableError } from '../../lambda/src/errors';
import {
  apologyCauseOf,
  apologyLine,
  apologyReasonOf,
  createMetrics,
  intentDimension,
  requestLine,
} from '../../lambda/src/metrics';
import { StoreDeadlineError } from '../../lambda/src/repositories/store-deadline';
import { StoreAccessDeniedError, translateStoreError } from '../../lambda/src/repositories/store-errors';

const AT = Date.parse('2026-11-30T09:05:00Z');

describe('the apology metric line', () => {
  it('is an EMF document CloudWatch turns into Apologies by Reason and in total', () => {
    // Act
    const line = apologyLine('store-unavailable', AT);
    // Assess
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      _aws: {
        Timestamp: AT,
        CloudWatchMetrics: [
          {
            Namespace: 'FrontDesk',
            Dimensions: [['Reason'], []],
            Metrics: [{ Name: 'Apologies', Unit: 'Count' }],
          },
        ],
      },
      Reason: 'store-unavailable',
      Apologies: 1,
    });
  });
});

describe('the request metric line', () => {
  it('counts the request by intent, and reports the cold start and the store time', () => {
    // Act
    const line = requestLine(
      {
        intent: 'CheckInIntent',
        requestType: 'IntentRequest',
        coldStart: true,
        storeTime: { calls: 3, milliseconds: 12.6 },
      },
      AT,
    );
    // Assess
    expect(JSON.parse(line)).toEqual({
      _aws: {
        Timestamp: AT,
        CloudWatchMetrics: [
          {
            Namespace: 'FrontDesk',
            Dimensions: [['Intent']],
            Metrics: [{ Name: 'Requests', Unit: 'Count' }],
          },
          {
            Namespace: 'FrontDesk',
            Dimensions: [[]],
            Metrics: [
              { Name: 'ColdStarts', Unit: 'Count' },
              { Name: 'StoreTime', Unit: 'Milliseconds' },
              { Name: 'StoreCalls', Unit: 'Count' },
            ],
          },
        ],
      },
      Intent: 'CheckInIntent',
      Requests: 1,
      ColdStarts: 1,
      StoreTime: 13,
      StoreCalls: 3,
    });
  });

  it('leaves the store time out of a request that was not timed', () => {
    // Act
    const parsed = JSON.parse(requestLine({ requestType: 'LaunchRequest', coldStart: false }, AT));
    // Assess
    expect(parsed).toMatchObject({ Intent: 'LaunchRequest', ColdStarts: 0 });
    expect(parsed).not.toHaveProperty('StoreTime');
  });

  it.each([
    ['ContactDetailsIntent', 'IntentRequest', 'ContactDetailsIntent'],
    ['SomeoneElsesIntent', 'IntentRequest', 'Other'],
    [undefined, 'SessionEndedRequest', 'SessionEndedRequest'],
    [undefined, 'Alexa.Presentation.APL.UserEvent', 'Alexa.Presentation.APL.UserEvent'],
    [undefined, '<script>', 'Other'],
    [undefined, undefined, 'Other'],
  ])('files intent %p of a %p as %p, so no request can mint a billed metric', (intent, type, expected) => {
    // Assess
    expect(intentDimension(intent, type)).toBe(expected);
  });
});

describe('apologyReasonOf', () => {
  const awsError = (name: string) => Object.assign(new Error(name), { name });

  it.each([
    [
      'an IAM refusal',
      translateStoreError(awsError('AccessDeniedException'), 'saveAttributes'),
      'access-denied',
    ],
    ['a store call past the request budget', new StoreDeadlineError('late'), 'timeout'],
    ['an SDK timeout', translateStoreError(awsError('TimeoutError'), 'findContact'), 'timeout'],
    ['throttling', translateStoreError(awsError('ThrottlingException'), 'findContact'), 'store-unavailable'],
    ['a bug', new TypeError('x is undefined'), 'unknown'],
    ['something that is not an error', 'boom', 'unknown'],
  ])('counts %s as %p', (_, error, expected) => {
    // Assess
    expect(apologyReasonOf(error)).toBe(expected);
  });

  it('matches the names of the real error classes', () => {
    // Assess: a renamed class would silently count as "store-unavailable" or "unknown".
    expect(new StoreAccessDeniedError('op', undefined, undefined).name).toBe('StoreAccessDeniedError');
    expect(new StoreDeadlineError('late').name).toBe('StoreDeadlineError');
    expect(new StoreUnavailableError('down').name).toBe('StoreUnavailableError');
  });
});

describe('apologyCauseOf', () => {
  it('names what IAM refused, for the ERROR line, even when the denial is the cause of another error', () => {
    // Prepare
    const denied = translateStoreError(
      Object.assign(
        new Error(
          'User: arn:aws:sts::123456789012:assumed-role/R/F is not authorized to perform: dynamodb:PutItem on resource: ' +
            'arn:aws:dynamodb:us-east-1:123456789012:table/Dir because no identity-based policy allows the dynamodb:PutItem action',
        ),
        { name: 'AccessDeniedException' },
      ),
      'putPresence',
    );
    const wrapped = new StoreUnavailableError('check-in failed', { cause: denied });
    // Act
    const cause = apologyCauseOf(wrapped);
    // Assess
    expect(cause).toEqual({
      reason: 'access-denied',
      action: 'dynamodb:PutItem',
      resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Dir',
    });
  });

  it('gives only the reason for anything else', () => {
    // Assess
    expect(apologyCauseOf(new StoreDeadlineError('late'))).toEqual({ reason: 'timeout' });
  });
});

describe('createMetrics', () => {
  it('writes one line per count, stamped with the clock', () => {
    // Prepare
    const lines: string[] = [];
    const metrics = createMetrics({ write: (line) => lines.push(line), now: () => AT });
    // Act
    metrics.apology('access-denied');
    metrics.request({ intent: 'IdentifyIntent', coldStart: false });
    // Assess
    expect(lines.map((line) => JSON.parse(line))).toMatchObject([
      { Reason: 'access-denied', Apologies: 1, _aws: { Timestamp: AT } },
      { Intent: 'IdentifyIntent', Requests: 1, _aws: { Timestamp: AT } },
    ]);
  });
});
