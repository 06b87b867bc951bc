/**
 * The architecture's rules, checked by `npm run lint:deps` (part of `npm test`), so that a wrong
 * import fails the build instead of waiting for a reviewer. The layers of `lambda/src`, top to
 * bottom (DESIGN.md, "Architecture"):
 *
 *   index.ts, skill.ts, stores.ts   the composition root: the only files that know services and repositories
 *   pipeline/                       guard, interceptors, response rules, error handler
 *   handlers/                       ASK RequestHandlers only
 *   conversation/                   session state, the contact flow, rendering a reply
 *   speech/, screens/               words and screens
 *   services/                       the domain's operations, with their ports (services/ports.ts)
 *   domain/                         plain types and functions
 *
 * `repositories/` sits beside the services: it implements their ports and knows nothing above them.
 * config.ts, errors.ts, logger.ts, request-scope.ts and interaction.ts are shared by every layer.
 */
const SRC = '^lambda/src/';
const ROOT = `${SRC}(index|skill|stores)[.]ts$`;
const AWS_OR_ASK = '(^|/)node_modules/(@aws-sdk|@smithy|ask-sdk-core|ask-sdk-model|ask-sdk)(/|$)';

/** `from` may not import from any of `layers` (folders of lambda/src). */
const noImport = (name, comment, from, layers) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: `${SRC}(${layers.join('|')})` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be understood, tested or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lambda-ships-alone',
      comment:
        'lambda/src is what ships in the Lambda: it may not reach into the tools, the stack or the tests.',
      severity: 'error',
      from: { path: SRC },
      to: { path: '^(local|scripts|infra|bench|test)/' },
    },
    {
      name: 'domain-and-services-are-plain',
      comment: 'services/ and domain/ know nothing of AWS or ASK: they are tested with fakes and no SDK.',
      severity: 'error',
      from: { path: `${SRC}(services|domain)/` },
      to: { path: AWS_OR_ASK },
    },
    {
      name: 'only-the-root-knows-repositories',
      comment: 'Only the composition root builds repositories; everything else sees the ports.',
      severity: 'error',
      from: { path: SRC, pathNot: [ROOT, `${SRC}repositories/`] },
      to: { path: `${SRC}repositories/` },
    },
    {
      name: 'repositories-see-only-ports',
      comment: 'Repositories implement the ports declared in services/ports.ts, and use no service.',
      severity: 'error',
      from: { path: `${SRC}repositories/` },
      to: { path: `${SRC}services/`, pathNot: `${SRC}services/ports[.]ts$` },
    },
    noImport(
      'nothing-imports-the-root',
      'The composition root is the top: nothing in lambda/src imports it.',
      `${SRC}(?!(index|skill|stores)[.]ts$)`,
      ['index[.]ts$', 'skill[.]ts$', 'stores[.]ts$'],
    ),
    noImport(
      'handlers-below-pipeline',
      'Handlers do not reach up into the request pipeline.',
      `${SRC}handlers/`,
      ['pipeline/'],
    ),
    noImport(
      'conversation-below-handlers',
      'Conversation helpers serve handlers; they do not call them.',
      `${SRC}conversation/`,
      ['pipeline/', 'handlers/'],
    ),
    noImport(
      'words-below-conversation',
      'Speech and screens decide words and layout, not the conversation.',
      `${SRC}(speech|screens)/`,
      ['pipeline/', 'handlers/', 'conversation/'],
    ),
    noImport(
      'services-below-words',
      'Services hold the domain: no speech, no conversation, no ASK.',
      `${SRC}services/`,
      ['pipeline/', 'handlers/', 'conversation/', 'speech/', 'screens/'],
    ),
    noImport(
      'domain-at-the-bottom',
      'The domain is plain types and functions that everything else uses.',
      `${SRC}domain/`,
      ['pipeline/', 'handlers/', 'conversation/', 'speech/', 'screens/', 'services/', 'repositories/'],
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    exclude: { path: '(^|/)(dist|cdk[.]out|[.]data)/' },
  },
};
