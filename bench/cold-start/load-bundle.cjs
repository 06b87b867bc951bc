'use strict';
/*
 * Runs in a fresh `node` process for each sample of the cold start benchmark: the time to require
 * a Lambda bundle (module init included: the skill and its DynamoDB client are built at load), then
 * the time to answer the first request. Plain JavaScript, so nothing but the bundle is loaded.
 * Usage: node load-bundle.cjs BUNDLE [ENVELOPE.json]
 */
const [bundlePath, envelopePath] = process.argv.slice(2);

// CPU time as well as wall time: on a shared machine, the process's own CPU time is the steadier figure.
const cpuMs = (usage) => (usage.user + usage.system) / 1000;
const loadCpuStart = process.cpuUsage();
const loadStart = process.hrtime.bigint();
const bundle = require(bundlePath);
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
const loadCpuMs = cpuMs(process.cpuUsage(loadCpuStart));

async function firstRequest() {
  if (!envelopePath) return {};
  const envelope = JSON.parse(require('node:fs').readFileSync(envelopePath, 'utf8'));
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const response = await bundle.handler(envelope, {});
  const firstRequestMs = Number(process.hrtime.bigint() - start) / 1e6;
  const firstRequestCpuMs = cpuMs(process.cpuUsage(cpuStart));
  return { firstRequestMs, firstRequestCpuMs, speech: response?.response?.outputSpeech?.ssml ?? '' };
}

firstRequest()
  .then((result) => {
    process.stdout.write(`BENCH_RESULT ${JSON.stringify({ loadMs, loadCpuMs, ...result })}\n`);
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
