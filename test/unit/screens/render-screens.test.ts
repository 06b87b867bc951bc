import type { RequestEnvelope } from 'ask-sdk-model';
import contactDocument from '../../../lambda/src/screens/contact-screen.json';
import listDocument from '../../../lambda/src/screens/list-screen.json';
import {
  aplText,
  isVersionAtLeast,
  OPEN_CONTACT_EVENT,
  renderScreen,
  supportsScreens,
} from '../../../lambda/src/screens/render-screens';
import { browseScreen, contactScreen, type Screen } from '../../../lambda/src/screens/screen';
import { translatorFor } from '../../../lambda/src/speech/locales';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { intentRequest } from '../../support/requests';

/**
 * What Front Desk allows one rendered screen, directive and data together: a quarter of Alexa's
 * 24 KB response, leaving the rest to speech, the card and the session attributes.
 */
const SCREEN_BUDGET_BYTES = 6 * 1024;

/** The data-binding roots a document may read: its datasource, list items, the viewport, press state. */
const BINDING_ROOTS = new Set(['screen', 'data', 'viewport', 'state']);
const COMPONENT_TYPES = new Set(['Container', 'Text', 'Sequence', 'TouchWrapper', 'ScrollView']);

interface Component {
  readonly type: string;
  readonly text?: string;
  readonly item?: Component;
  readonly items?: readonly Component[];
  readonly onPress?: { readonly type: string; readonly arguments?: readonly string[] };
  readonly [key: string]: unknown;
}

function componentsOf(document: { mainTemplate: { items: readonly unknown[] } }): Component[] {
  const found: Component[] = [];
  const visit = (component: Component): void => {
    found.push(component);
    if (component.item) visit(component.item);
    for (const child of component.items ?? []) visit(child);
  };
  for (const item of document.mainTemplate.items as Component[]) visit(item);
  return found;
}

/** Every `${...}` expression in the document, and the `screen.x` fields they read. */
function bindingsOf(document: object): { roots: string[]; screenFields: string[] } {
  const expressions = [...JSON.stringify(document).matchAll(/\$\{([^}]*)\}/g)].map((match) => match[1] ?? '');
  const identifiers = expressions.flatMap((expression) =>
    [...expression.replace(/'[^']*'/g, '').matchAll(/\b([a-zA-Z_]\w*)(\.\w+)?/g)].map((match) => match[0]),
  );
  return {
    roots: [...new Set(identifiers.map((identifier) => identifier.split('.')[0] ?? ''))].sort(),
    screenFields: [
      ...new Set(
        identifiers.filter((id) => id.startsWith('screen.')).map((id) => id.slice('screen.'.length)),
      ),
    ].sort(),
  };
}

const english = translatorFor('en-US');
const jane = TEST_CONTACTS[0] as (typeof TEST_CONTACTS)[number];
const bob = TEST_CONTACTS.find(
  (contact) => contact.company === 'Barnes & Noble',
) as (typeof TEST_CONTACTS)[number];

function listOf(count: number): Screen {
  const entries = Array.from({ length: count }, (_, index) => ({
    id: `c${index}`,
    fullName: `Maximilian-Alexander Featherstonehaugh-Wolfeschlegel ${index}`,
    title: 'Senior Vice President of Global Strategic Partnerships and Alliances',
    company: 'Rocky Mountain Coffee Company International Holdings',
    city: 'Salt Lake City',
    state: 'UT',
  }));
  return browseScreen(english, { title: 'People at Rocky Mountain Coffee Co.', entries, firstNumber: 1 });
}

describe.each([
  ['contact', contactDocument, renderScreen(english, contactScreen(jane))],
  ['list', listDocument, renderScreen(english, listOf(5))],
])('the %s screen document', (_kind, document, directive) => {
  it('is an APL document of a current version, bound to one datasource named "screen"', () => {
    expect(document.type).toBe('APL');
    expect(document.version).toMatch(/^202[3-9]\.\d$/);
    expect(document.mainTemplate.parameters).toEqual(['screen']);
    expect(Object.keys(directive.datasources ?? {})).toEqual(['screen']);
    expect(directive.document).toBe(document);
  });

  it('shows no text of its own: every Text is one binding, every binding reads the datasource or the device', () => {
    // Prepare
    const components = componentsOf(document);

    // Act
    const texts = components
      .filter((component) => component.type === 'Text')
      .map((component) => component.text);
    const { roots } = bindingsOf(document);

    // Assess
    expect(components.filter((component) => !COMPONENT_TYPES.has(component.type))).toEqual([]);
    expect(texts.filter((text) => !/^\$\{[a-zA-Z.]+\}$/.test(text ?? ''))).toEqual([]);
    expect(roots.filter((root) => !BINDING_ROOTS.has(root))).toEqual([]);
  });

  it('finds in the rendered datasource every field the document reads', () => {
    const { screenFields } = bindingsOf(document);
    const data = (directive.datasources as { screen: Record<string, unknown> }).screen;

    expect(screenFields.filter((field) => !(field in data))).toEqual([]);
  });
});

describe('rendering screens', () => {
  it('puts the contact in the words of the request language, labels included', () => {
    // Act
    const data = renderScreen(translatorFor('de-DE'), contactScreen(jane)).datasources?.screen;

    // Assess
    expect(data).toEqual({
      brand: 'Büroempfang',
      name: 'Jane Doe',
      subtitle: 'Sales Director bei Acme Corp.',
      rows: [
        { label: 'Telefon', value: '(512) 555-0101' },
        { label: 'E-Mail', value: 'jane.doe@acme.example.com' },
        { label: 'Büro', value: 'Austin, Texas' },
        { label: 'Firma', value: 'Acme Corp.' },
        { label: 'Position', value: 'Sales Director' },
      ],
    });
  });

  it('shows "&" and "<" as written, never as APL markup', () => {
    const data = renderScreen(english, contactScreen(bob)).datasources?.screen as {
      subtitle: string;
    };

    expect(data.subtitle).toBe('Buyer &lt;Books&gt; at Barnes &amp; Noble');
    expect(aplText('<b>R&D</b>\u0007')).toBe('&lt;b&gt;R&amp;D&lt;/b&gt;');
  });

  it('lets a touch on a listed person send their contact id', () => {
    // Prepare
    const touch = componentsOf(listDocument).find((component) => component.type === 'TouchWrapper');

    // Act
    const data = renderScreen(english, listOf(2)).datasources?.screen as { items: { id: string }[] };

    // Assess
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an APL binding, not a template literal
    expect(touch?.onPress).toEqual({ type: 'SendEvent', arguments: [OPEN_CONTACT_EVENT, '${data.id}'] });
    expect(data.items.map((item) => item.id)).toEqual(['c0', 'c1']);
  });

  it('keeps a full page of long entries far inside the response limit', () => {
    // Act
    const bytes = Buffer.byteLength(JSON.stringify(renderScreen(english, listOf(5))), 'utf8');

    // Assess
    expect(bytes).toBeLessThanOrEqual(SCREEN_BUDGET_BYTES);
  });
});

describe('telling a screen device from a headless one', () => {
  function onDevice(supportedInterfaces: Record<string, unknown>): RequestEnvelope {
    const envelope = intentRequest('AMAZON.HelpIntent');
    (envelope.context.System.device as { supportedInterfaces: unknown }).supportedInterfaces =
      supportedInterfaces;
    return envelope;
  }

  it('shows screens where the device lists APL with a runtime as new as the documents, or no runtime', () => {
    expect(
      supportsScreens(onDevice({ 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } })),
    ).toBe(true);
    expect(supportsScreens(onDevice({ 'Alexa.Presentation.APL': {} }))).toBe(true);
  });

  it('shows none on a headless device or on an APL runtime older than the documents', () => {
    expect(supportsScreens(onDevice({}))).toBe(false);
    expect(supportsScreens(onDevice({ AudioPlayer: {} }))).toBe(false);
    expect(supportsScreens(onDevice({ 'Alexa.Presentation.APL': { runtime: { maxVersion: '1.9' } } }))).toBe(
      false,
    );
  });

  it('compares APL versions by number, not as text', () => {
    expect(isVersionAtLeast('2023.10', '2023.3')).toBe(true);
    expect(isVersionAtLeast('1.9', '2023.3')).toBe(false);
    expect(isVersionAtLeast('2023.3', '2023.3')).toBe(true);
  });
});
