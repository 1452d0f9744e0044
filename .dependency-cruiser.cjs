// The layering check (`npm run lint:layers`, a step of `npm test` and `npm run lint`). Each rule is
// one sentence of docs/architecture.md "Layers": bottom to top shared/ → main/base → main/xmlrpc →
// main/protocols and main/store → main/queue → main/app → faces (main/electron, main/host, main/cli).
// An import that runs back up fails the build. Test files and `testing/` folders are exempted only
// where a rule says why.

const TEST = '(\\.test\\.tsx?$|/testing/)'
const CORE = '^main/(app|queue|store|protocols|xmlrpc|base|weblog)/'
const FACES = '^main/(electron|host|cli)/'
// The npm packages that load Electron: requiring them under plain Node tries to download a binary.
const ELECTRON = '^node_modules/(electron|electron-store)/'
// The queue keeps its job files on disk with the store's file primitives (atomic write, locks,
// temp names); it must not know the domain stores (drafts, settings, secrets, staging).
const STORE_FILE_PRIMITIVES =
  '^main/store/(atomic-write|fs-layer|locks|file-lock|pid-alive|temp-names|keyed-queue|store-error|corrupt-aside)\\.ts$'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-face',
      comment:
        'The core (main/app, queue, store, protocols, xmlrpc, base, weblog) never imports a face. A core ' +
        'test may drive the faces to prove they answer alike (main/app/core/channel-input.test.ts).',
      severity: 'error',
      from: { path: CORE, pathNot: '\\.test\\.tsx?$' },
      to: { path: FACES },
    },
    {
      name: 'only-the-shell-loads-electron',
      comment: 'Only main/electron may require electron (or electron-store): the rest runs under plain Node.',
      severity: 'error',
      from: { pathNot: '^main/electron/' },
      to: { path: ELECTRON },
    },
    {
      name: 'queue-knows-no-protocol-or-app',
      comment:
        'The queue engine (main/queue) runs jobs through the performer interface; it knows no protocol, ' +
        'XML-RPC, sandbox, weblog or app module. Its tests may feed it real errors from those layers.',
      severity: 'error',
      from: { path: '^main/queue/', pathNot: TEST },
      to: { path: '^main/(app|protocols|xmlrpc|sandbox|weblog)/' },
    },
    {
      name: 'queue-knows-no-domain-store',
      comment: 'The queue uses only the store file primitives, never drafts, settings or secrets.',
      severity: 'error',
      from: { path: '^main/queue/' },
      to: { path: '^main/store/', pathNot: STORE_FILE_PRIMITIVES },
    },
    {
      name: 'protocols-are-pure-network',
      comment:
        'Protocol clients (main/protocols, main/xmlrpc) speak to servers and nothing else: no app, store, ' +
        'queue, weblog or sandbox. Their tests and testing/ harnesses may start the sandbox as a peer.',
      severity: 'error',
      from: { path: '^main/(protocols|xmlrpc)/', pathNot: TEST },
      to: { path: '^main/(app|store|queue|sandbox|weblog)/' },
    },
    {
      name: 'xmlrpc-knows-no-protocol',
      comment: 'main/xmlrpc is the engine the protocol clients are built on, never the other way round.',
      severity: 'error',
      from: { path: '^main/xmlrpc/' },
      to: { path: '^main/protocols/' },
    },
    {
      name: 'store-is-files-only',
      comment: 'main/store keeps files; it calls no server and knows no queue, app or weblog.',
      severity: 'error',
      from: { path: '^main/store/' },
      to: { path: '^main/(app|queue|protocols|xmlrpc|sandbox|weblog)/' },
    },
    {
      name: 'sandbox-is-never-a-client',
      comment:
        'main/sandbox is a server built on main/xmlrpc; it imports no protocol client, queue or app. ' +
        'Its tests may drive it through the CLI face.',
      severity: 'error',
      from: { path: '^main/sandbox/', pathNot: TEST },
      to: { path: '^main/(app|queue|protocols|weblog|cli|host|electron)/' },
    },
    {
      name: 'base-is-the-bottom',
      comment: 'main/base (version, mime, csp, guards) imports nothing from main/.',
      severity: 'error',
      from: { path: '^main/base/' },
      to: { path: '^main/(?!base/)' },
    },
    {
      name: 'renderer-reaches-the-core-through-shared',
      comment: 'renderer/src imports only renderer/ and shared/ (and npm packages): the contract is the door.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(main|scripts|e2e)/' },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ is types and pure functions: no Node built-ins, no main/, no renderer/.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(main|renderer|scripts|e2e)/' },
    },
    {
      name: 'shared-uses-no-node-builtins',
      comment: 'shared/ runs in the browser too: no node:* modules (tests may use them).',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'production-imports-no-test-code',
      comment: 'Production modules never import a test file or a testing/ double.',
      severity: 'error',
      from: { path: '^(main|shared|renderer)/', pathNot: TEST },
      to: { path: TEST },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|test-results|\\.tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'metadata' },
  },
}
