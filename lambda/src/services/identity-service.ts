import { type Contact, fullNameOf } from '../domain/contact';
import type { ContactReader, UserAttributes } from './ports';

/** Who a voice profile (or an account) said it is: enough to greet and to find the contact again. */
export interface Identity {
  readonly contactId: string;
  readonly firstName: string;
  readonly fullName: string;
}

export type Recollection =
  | { readonly kind: 'known'; readonly identity: Identity; readonly contact: Contact }
  /** Remembered, but the contact has since left the directory. */
  | { readonly kind: 'gone'; readonly identity: Identity }
  | { readonly kind: 'unknown' };

const IDENTITY_ATTRIBUTE = 'identity';

function identityFrom(value: unknown): Identity | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { contactId, firstName, fullName } = value as Record<string, unknown>;
  if (typeof contactId !== 'string' || contactId.length === 0) return undefined;
  return {
    contactId,
    firstName: typeof firstName === 'string' ? firstName : '',
    fullName: typeof fullName === 'string' ? fullName : '',
  };
}

/**
 * "Remember me": which directory contact the speaker is. The identity lives in the speaker's
 * persistent attributes (`identity`), next to whatever else is kept there, which is left as is.
 */
export class IdentityService {
  public constructor(private readonly contacts: Pick<ContactReader, 'getContact'>) {}

  public identityOf(contact: Contact): Identity {
    return { contactId: contact.id, firstName: contact.firstName, fullName: fullNameOf(contact) };
  }

  /** Who the speaker is, checked against the directory as it is now. */
  public async recall(attributes: UserAttributes): Promise<Recollection> {
    const identity = identityFrom((await attributes.read())[IDENTITY_ATTRIBUTE]);
    if (!identity) return { kind: 'unknown' };
    const contact = await this.contacts.getContact(identity.contactId);
    return contact ? { kind: 'known', identity, contact } : { kind: 'gone', identity };
  }

  /**
   * The id of the contact the speaker is remembered as, without reading the directory: for
   * "I'm Jane Doe", whose contact was just read.
   */
  public async rememberedContactId(attributes: UserAttributes): Promise<string | undefined> {
    return identityFrom((await attributes.read())[IDENTITY_ATTRIBUTE])?.contactId;
  }

  /** Remembers who the speaker is, keeping the rest of their attributes. */
  public async remember(attributes: UserAttributes, identity: Identity): Promise<void> {
    await attributes.write({ ...(await attributes.read()), [IDENTITY_ATTRIBUTE]: { ...identity } });
  }

  /** Forgets who the speaker is; returns who that was, or undefined if nobody was remembered. */
  public async forget(attributes: UserAttributes): Promise<Identity | undefined> {
    const stored = await attributes.read();
    const identity = identityFrom(stored[IDENTITY_ATTRIBUTE]);
    if (stored[IDENTITY_ATTRIBUTE] === undefined) return identity;
    const { [IDENTITY_ATTRIBUTE]: _forgotten, ...rest } = stored;
    await attributes.write(rest);
    return identity;
  }
}
