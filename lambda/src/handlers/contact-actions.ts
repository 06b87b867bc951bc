import type { ContactActionPerformer } from './contact-flow';
import { askToRemember } from './identity';
import { answerPresence, type PresenceFlowDependencies } from './presence';

/**
 * What happens once a name is settled for something other than a detail: a check-in, a
 * check-out, "is she in", or "that's me". `buildSkill` hands this to the contact conversation,
 * so "which one?" can continue into any of them.
 */
export function contactActionPerformer(deps: () => PresenceFlowDependencies): ContactActionPerformer {
  return (input, contact, action) =>
    action.kind === 'identify'
      ? askToRemember(input, deps(), contact, action.followUp)
      : answerPresence(input, deps(), contact, action.kind, false);
}
