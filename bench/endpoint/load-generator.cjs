'use strict';
/*
 * The endpoint benchmark's load generator, in its own process: POSTs the same signed request over
 * keep-alive connections, `concurrency` in flight, until `durationMs` has passed or `maxRequests`
 * were sent, and reports requests per second and latency percentiles.
 * Usage: node load-generator.cjs PLAN.json (url, body in base64, headers, concurrency, durationMs, maxRequests)
 */
const http = require('node:http');
const { readFileSync } = require('node:fs');

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const body = Buffer.from(plan.body, 'base64');
const target = new URL(plan.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
const headers = { ...plan.headers, 'Content-Length': String(body.length) };

function post() {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const request = http.request(
      { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ ok: response.statusCode === 200, ms: Number(process.hrtime.bigint() - start) / 1e6 }),
        );
      },
    );
    request.on('error', () => resolve({ ok: false, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
    request.end(body);
  });
}

async function main() {
  const latencies = [];
  let errors = 0;
  let sent = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(plan.durationMs * 1e6));
  async function worker() {
    while (sent < plan.maxRequests && process.hrtime.bigint() < deadline) {
      sent += 1;
      const result = await post();
      latencies.push(result.ms);
      if (!result.ok) errors += 1;
    }
  }
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (fraction) =>
    latencies[Math.min(latencies.length, Math.max(1, Math.ceil(fraction * latencies.length))) - 1];
  agent.destroy();
  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({ requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99) })}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
