/**
 * Resolves in the event loop's next turn, once the store calls started in this one are on their
 * way: the AWS SDK's middleware yields between its steps, so calls started together are prepared
 * in turns, and each goes out only when all of them are nearly ready. A write the answer does not
 * wait for starts after it, so that what the user waits for goes out first. (Not
 * `node:timers/promises`, which nothing else in the bundle loads at a cold start.)
 */
export function afterCallsStartedNow(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
