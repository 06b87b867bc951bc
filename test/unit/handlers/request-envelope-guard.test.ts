import {
  guardRequestEnvelope,
  MAX_ALEXA_ID_LENGTH,
  MAX_ARGUMENT_LENGTH,
  MAX_RESOLVED_ID_LENGTH,
  MAX_SLOT_VALUE_LENGTH,
} from '../../../lambda/src/pipeline/request-envelope-guard';
import { readFixture } from '../../support/fixtures';

type Json = Record<string, unknown>;

function guarded(change: (envelope: Json) => void, fixture = 'contact-details-er-match'): Json {
  const envelope = readFixture(fixture) as unknown as Json;
  change(envelope);
  return guardRequestEnvelope(envelope) as unknown as Json;
}

const slotsOf = (envelope: Json) => ((envelope.request as Json).intent as Json).slots as Record<string, Json>;

describe('guardRequestEnvelope', () => {
  it('leaves a recorded envelope as Alexa sent it, but for the multi-value slot copies', () => {
    // Prepare
    const envelope = readFixture('browse-place-state') as unknown as Json;

    // Act
    const result = guardRequestEnvelope(envelope) as unknown as Json;

    // Assess
    for (const slot of Object.values(slotsOf(envelope))) delete slot.slotValue;
    expect(result).toEqual(envelope);
  });

  it('does not change the envelope it is given', () => {
    // Prepare
    const envelope = readFixture('contact-details-er-match');
    const before = structuredClone(envelope);

    // Act
    guardRequestEnvelope({ ...envelope, session: null });

    // Assess
    expect(envelope).toEqual(before);
  });

  it.each([
    ['not an object', 'x'],
    ['no request', {}],
    ['a request that is a string', { request: 'LaunchRequest' }],
    ['a request without a type', { request: { requestId: 'r' } }],
    ['a blank request type', { request: { type: '  ' } }],
    [
      'a cycle',
      (() => {
        const cyclic: Json = { request: { type: 'LaunchRequest' } };
        cyclic.self = cyclic;
        return cyclic;
      })(),
    ],
  ])('finds nothing to answer in %s', (_, raw) => {
    expect(guardRequestEnvelope(raw)).toBeUndefined();
  });

  it('gives an intent request without a usable intent the fallback intent', () => {
    // Act
    const result = guarded((envelope) => ((envelope.request as Json).intent = { name: 42 }));

    // Assess
    expect((result.request as Json).intent).toEqual({
      name: 'AMAZON.FallbackIntent',
      confirmationStatus: 'NONE',
      slots: {},
    });
  });

  it('keeps only slots that are objects, with string values cut at a word and without control characters', () => {
    // Act
    const result = guarded((envelope) => {
      (envelope.request as Json).intent = {
        name: 'ContactDetailsIntent',
        slots: {
          name: { name: 'wrong', value: `jane\u0000doe ${'word '.repeat(100)}` },
          detail: { value: 7 },
          company: 'acme',
          ordinal: { value: { nested: true } },
        },
      };
    });

    // Assess
    const slots = slotsOf(result);
    expect(Object.keys(slots)).toEqual(['name', 'detail', 'ordinal']);
    expect(slots.name?.name).toBe('name');
    expect(String(slots.name?.value).length).toBeLessThanOrEqual(MAX_SLOT_VALUE_LENGTH);
    expect(slots.name?.value).toMatch(/^jane doe word word/);
    expect(slots.name?.value).toMatch(/word$/);
    expect(slots.detail?.value).toBe('7');
    expect(slots.ordinal).not.toHaveProperty('value');
  });

  it('keeps well-formed entity resolutions and drops ids that cannot be directory ids', () => {
    // Act
    const result = guarded((envelope) => {
      const slot = slotsOf(envelope).name as Json;
      slot.resolutions = {
        resolutionsPerAuthority: [
          {
            status: { code: 'ER_SUCCESS_MATCH' },
            values: [
              { value: { id: 'c002', name: 'Robert Smith' } },
              { value: { id: 'x'.repeat(MAX_RESOLVED_ID_LENGTH + 1) } },
              'junk',
            ],
          },
          { status: 'ER_SUCCESS_MATCH' },
          null,
        ],
      };
    });

    // Assess
    expect(slotsOf(result).name?.resolutions).toEqual({
      resolutionsPerAuthority: [
        { status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: 'c002', name: 'Robert Smith' } }] },
      ],
    });
  });

  it('repairs the session and the system context', () => {
    // Act
    const result = guarded((envelope) => {
      envelope.session = { new: 'yes', attributes: [1, 2], user: { userId: 5 } };
      envelope.context = {
        System: { user: 'someone', person: { personId: 'amzn1.ask.person.P' }, apiEndpoint: 9 },
      };
      (envelope.request as Json).locale = 'english please';
    });

    // Assess
    expect(result.session).toEqual({ new: false, attributes: {} });
    expect(result.context).toEqual({ System: { person: { personId: 'amzn1.ask.person.P' } } });
    expect(result.request).not.toHaveProperty('locale');
  });

  it("drops a user or person id too long to be Alexa's, which no store key could hold", () => {
    // Act
    const result = guarded((envelope) => {
      const system = (envelope.context as Json).System as Json;
      system.user = { userId: `amzn1.ask.account.${'A'.repeat(MAX_ALEXA_ID_LENGTH)}` };
      system.person = { personId: 'amzn1.ask.person.P' };
    });

    // Assess
    expect((result.context as Json).System).not.toHaveProperty('user');
    expect((result.context as Json).System).toHaveProperty('person', { personId: 'amzn1.ask.person.P' });
  });

  it("cuts a screen event's string arguments, which become store keys", () => {
    // Act
    const result = guarded((envelope) => {
      (envelope.request as Json).arguments = ['openContact', 'c'.repeat(100_000), 7];
    }, 'apl-user-event-open-contact');

    // Assess
    expect((result.request as Json).arguments).toEqual(['openContact', 'c'.repeat(MAX_ARGUMENT_LENGTH), 7]);
  });

  it('takes away a session that is not an object', () => {
    expect(guarded((envelope) => (envelope.session = 'open'))).not.toHaveProperty('session');
  });
});
