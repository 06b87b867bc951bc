'use strict';
/*
 * Runs in a fresh `node` process for each sample of the cold start benchmark: the time to require
 * a Lambda bundle (module init included: the skill and its DynamoDB client are built at load), then
 * the time to answer the first request. Plain JavaScript, so nothing but the bundle is loaded.
 * Usage: node load-bundle.cjs BUNDLE [ENVELOPE.json]
 */
const [bundlePath, envelopePath] = process.argv.slice(2);

const loadStart = process.hrtime.bigint();
const bundle = require(bundlePath);
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;

async function firstRequest() {
  if (!envelopePath) return {};
  const envelope = JSON.parse(require('node:fs').readFileSync(envelopePath, 'utf8'));
  const start = process.hrtime.bigint();
  const response = await bundle.handler(envelope, {});
  const firstRequestMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { firstRequestMs, speech: response?.response?.outputSpeech?.ssml ?? '' };
}

firstRequest()
  .then((result) => {
    process.stdout.write(`BENCH_RESULT ${JSON.stringify({ loadMs, ...result })}\n`);
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
