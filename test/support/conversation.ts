import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { FrontDeskSkill } from '../../lambda/src/pipeline/guarded-skill';
import { expectValidAlexaResponse } from './response-checks';

/**
 * Plays a conversation against a skill the way Alexa does: each turn carries the session
 * attributes the previous response returned, and a session that ended starts a new one.
 * Every response is checked for valid SSML and Alexa's limits.
 */
export class Conversation {
  private attributes: Record<string, unknown> = {};
  private open = false;
  public readonly responses: ResponseEnvelope[] = [];

  public constructor(private readonly skill: FrontDeskSkill) {}

  public async send(envelope: RequestEnvelope): Promise<ResponseEnvelope> {
    const request = structuredClone(envelope);
    if (request.session) {
      request.session.new = !this.open;
      request.session.attributes = this.open ? structuredClone(this.attributes) : {};
    }
    const response = await this.skill.invoke(request);
    await expectValidAlexaResponse(response);
    this.responses.push(response);
    this.open = response.response.shouldEndSession === false;
    this.attributes = (response.sessionAttributes as Record<string, unknown> | undefined) ?? {};
    return response;
  }

  public get sessionAttributes(): Record<string, unknown> {
    return this.attributes;
  }
}
