import { IdentityService } from '../../../lambda/src/services/identity-service';
import type { UserAttributes } from '../../../lambda/src/services/ports';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { FakeContactReader } from '../../support/fakes';

function attributesHolding(
  initial: Record<string, unknown>,
): UserAttributes & { stored: Record<string, unknown> } {
  const holder = {
    stored: structuredClone(initial),
    read: async () => structuredClone(holder.stored),
    write: async (attributes: Record<string, unknown>) => {
      holder.stored = structuredClone(attributes);
    },
  };
  return holder;
}

describe('IdentityService', () => {
  const service = new IdentityService(new FakeContactReader(TEST_CONTACTS));
  const sean = { contactId: 'c005', firstName: 'Sean', fullName: "Sean O'Neill" };

  it('remembers who the speaker is and keeps the rest of their attributes', async () => {
    // Prepare
    const attributes = attributesHolding({ lastContactId: 'c004' });

    // Act
    await service.remember(attributes, sean);

    // Assess
    expect(attributes.stored).toEqual({ lastContactId: 'c004', identity: sean });
  });

  it('recalls the speaker with their contact as the directory has it now', async () => {
    // Prepare
    const attributes = attributesHolding({ identity: sean });

    // Act
    const recollection = await service.recall(attributes);

    // Assess
    expect(recollection).toEqual({
      kind: 'known',
      identity: sean,
      contact: expect.objectContaining({ id: 'c005', company: 'Acme Corp.' }),
    });
  });

  it('tells apart a speaker it never knew and one whose contact has left the directory', async () => {
    // Prepare
    const gone = { contactId: 'c999', firstName: 'Max', fullName: 'Max Gone' };

    // Assess
    expect(await service.recall(attributesHolding({}))).toEqual({ kind: 'unknown' });
    expect(await service.recall(attributesHolding({ identity: { firstName: 'no id' } }))).toEqual({
      kind: 'unknown',
    });
    expect(await service.recall(attributesHolding({ identity: gone }))).toEqual({
      kind: 'gone',
      identity: gone,
    });
  });

  it('forgets only the identity, and says who it was', async () => {
    // Prepare
    const attributes = attributesHolding({ identity: sean, lastContactId: 'c004' });

    // Act
    const forgotten = await service.forget(attributes);

    // Assess
    expect(forgotten).toEqual(sean);
    expect(attributes.stored).toEqual({ lastContactId: 'c004' });
    expect(await service.forget(attributes)).toBeUndefined();
  });
});
