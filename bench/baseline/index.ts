import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { getIntentName, getRequestType, getSlotValue, type RequestHandler, SkillBuilders } from 'ask-sdk-core';

/**
 * The benchmark's baseline: the smallest honest ASK SDK skill that reads DynamoDB. One
 * LaunchRequest handler and one intent handler that does a GetCommand through the AWS SDK v3
 * DocumentClient, built once per container like any Lambda. Front Desk is measured against it.
 */

const tableName = process.env.DIRECTORY_TABLE ?? 'directory';
const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));

const launchHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle: (input) =>
    input.responseBuilder.speak('Welcome. Whose number do you need?').reprompt('Whose number?').getResponse(),
};

const lookupHandler: RequestHandler = {
  canHandle: (input) =>
    getRequestType(input.requestEnvelope) === 'IntentRequest' &&
    getIntentName(input.requestEnvelope) === 'ContactDetailsIntent',
  handle: async (input) => {
    const name = getSlotValue(input.requestEnvelope, 'name') ?? '';
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: `CONTACT#${name}`, sk: 'CONTACT' } }),
    );
    const speech = Item ? `${String(Item.firstName)}'s number is ${String(Item.phone)}.` : 'I do not know them.';
    return input.responseBuilder.speak(speech).getResponse();
  },
};

export const handler = SkillBuilders.custom().addRequestHandlers(launchHandler, lookupHandler).lambda();
