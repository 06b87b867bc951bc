import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  getIntentName,
  getRequestType,
  getSlot,
  type RequestHandler,
  type Skill,
  SkillBuilders,
} from 'ask-sdk-core';

/**
 * The benchmark's baseline: the smallest honest ASK SDK skill that reads DynamoDB. One
 * LaunchRequest handler and one intent handler that reads a contact with a GetCommand through the
 * AWS SDK v3 DocumentClient. Front Desk is measured against it in the same run.
 */
export function createBaselineSkill(documentClient: DynamoDBDocumentClient, tableName: string): Skill {
  const launchHandler: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
    handle: (input) =>
      input.responseBuilder
        .speak('Welcome to the directory. Whose number do you need?')
        .reprompt('Whose number do you need?')
        .getResponse(),
  };

  const lookupHandler: RequestHandler = {
    canHandle: (input) =>
      getRequestType(input.requestEnvelope) === 'IntentRequest' &&
      getIntentName(input.requestEnvelope) === 'ContactDetailsIntent',
    handle: async (input) => {
      const slot = getSlot(input.requestEnvelope, 'name');
      const id = slot?.resolutions?.resolutionsPerAuthority?.[0]?.values?.[0]?.value.id ?? slot?.value ?? '';
      const { Item } = await documentClient.send(
        new GetCommand({ TableName: tableName, Key: { pk: `CONTACT#${id}`, sk: 'CONTACT' } }),
      );
      const speech = Item
        ? `${String(Item.firstName)} ${String(Item.lastName)}'s number is ${String(Item.phone)}. Anyone else?`
        : 'I could not find them. Whose number do you need?';
      return input.responseBuilder.speak(speech).reprompt('Whose number do you need?').getResponse();
    },
  };

  return SkillBuilders.custom().addRequestHandlers(launchHandler, lookupHandler).create();
}
