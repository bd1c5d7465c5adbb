/**
 * The dependency rule of the workspace, checked by `pnpm deps` (part of `pnpm test`):
 *
 *   shared  ←  crawlers/storage  ←  crawlers pipeline  ←  server        web → shared only
 *
 * Paths are relative to the repo root. Workspace packages resolve to their TypeScript sources (the "source"
 * export condition), so a rule sees `crawlers/src/storage/…` whether the import said `@fieldguide/crawlers/storage`
 * or a relative path; `dependencyTypes: ['local']` tells the two apart where that matters.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const PARSERS =
  'node_modules/(cheerio|htmlparser2|html-tag-names|chrono-node|fast-xml-parser|ical\\.js|jsonrepair|iconv-lite|robots-parser|html-entities|yaml)/';
const TEST_FILE = '(\\.test\\.tsx?|\\.spec\\.tsx?)$|/fixtures/|/testing/';

module.exports = {
  forbidden: [
    {
      name: 'shared-imports-nothing-of-ours',
      comment: 'The domain package is the bottom layer: it imports no other package of the workspace.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(crawlers|server|web|tests|bench)/' },
    },
    {
      name: 'shared-does-no-io',
      comment: 'The domain package runs in browsers too: no Node built-ins, no network or database client.',
      severity: 'error',
      from: { path: '^shared/src/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'crawlers-below-server-and-web',
      comment: 'The crawlers package never reaches up into the server, the web app, tests or benchmarks.',
      severity: 'error',
      from: { path: '^crawlers/' },
      to: { path: '^(server|web|tests|bench)/' },
    },
    {
      name: 'storage-below-pipeline',
      comment: 'Storage (store, search index, embedded runtime) imports shared only, never the crawl pipeline.',
      severity: 'error',
      from: { path: '^crawlers/src/storage/', pathNot: TEST_FILE },
      to: { path: '^crawlers/src/', pathNot: '^crawlers/src/storage/' },
    },
    {
      name: 'storage-loads-no-parser',
      comment: 'Opening the store from the API process must not load the parsing libraries of the pipeline.',
      severity: 'error',
      from: { path: '^crawlers/src/storage/', pathNot: TEST_FILE },
      to: { path: PARSERS },
    },
    {
      name: 'server-pipeline-only-where-crawls-run',
      comment:
        'The server uses @fieldguide/crawlers/storage (and /demo, the sample sites, and /catalog, the associations ' +
        'directory); the pipeline only in the code that runs crawls or reads a URL on request (admin discovery, ' +
        'source suggestions).',
      severity: 'error',
      from: { path: '^server/src/', pathNot: `^server/src/(crawls|routes/admin|routes/suggestions)/|${TEST_FILE}` },
      to: { path: '^crawlers/src/', pathNot: '^crawlers/src/(storage|demo|catalog)/' },
    },
    {
      name: 'production-code-imports-no-test-helper',
      comment: 'Test helpers live behind @fieldguide/crawlers/testing, for tests only.',
      severity: 'error',
      from: { path: '^(shared|crawlers|server|web)/(src|widget)/', pathNot: TEST_FILE },
      to: { path: '/testing/' },
    },
    {
      name: 'web-imports-shared-only',
      comment: 'The browser code reaches the server over HTTP; of the workspace it imports only the domain package.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(crawlers|server|tests|bench)/' },
    },
    {
      name: 'server-not-web',
      comment: 'The server serves the built web app from disk; it imports none of its code.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(web|tests|bench)/' },
    },
    {
      name: 'packages-through-their-entries',
      comment: 'Another package is imported by its name and public entries, never by a relative deep path.',
      severity: 'error',
      from: { path: '^(shared|crawlers|server|web|tests|bench)/' },
      to: { path: '^(shared|crawlers|server|web|tests|bench)/', pathNot: '^$1/', dependencyTypes: ['local'] },
    },
  ],
  options: {
    includeOnly: '^(shared|crawlers|server|web|tests|bench)/|node_modules/',
    exclude: { path: '(^|/)dist/|\\.d\\.ts$' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'node', 'types', 'default'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
