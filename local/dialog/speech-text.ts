import type { ResponseEnvelope, ui } from 'ask-sdk-model';

/** The words of SSML as a listener hears them: tags dropped, entities decoded, spaces collapsed. */
export function ssmlToText(ssml: string): string {
  return ssml
    .replace(/<break[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function outputSpeechText(speech: ui.OutputSpeech | undefined): string {
  if (!speech) return '';
  if (speech.type === 'SSML') return ssmlToText(speech.ssml);
  if (speech.type === 'PlainText') return speech.text.trim();
  return '';
}

/** A card as the Alexa app shows it. */
export interface CardView {
  readonly type: string;
  readonly title: string;
  readonly text: string;
  readonly imageUrl?: string | undefined;
}

export function cardView(envelope: ResponseEnvelope | undefined): CardView | undefined {
  const card = envelope?.response?.card;
  if (!card) return undefined;
  switch (card.type) {
    case 'Simple':
      return { type: card.type, title: card.title ?? '', text: card.content ?? '' };
    case 'Standard':
      return {
        type: card.type,
        title: card.title ?? '',
        text: card.text ?? '',
        imageUrl: card.image?.largeImageUrl ?? card.image?.smallImageUrl,
      };
    case 'LinkAccount':
      return { type: card.type, title: 'Link your account', text: 'The Alexa app asks to link an account.' };
    case 'AskForPermissionsConsent':
      return {
        type: card.type,
        title: 'Permissions',
        text: `The Alexa app asks for: ${(card.permissions ?? []).join(', ')}`,
      };
    default:
      return undefined;
  }
}
