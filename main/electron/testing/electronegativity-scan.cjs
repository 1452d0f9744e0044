// Runs Electronegativity's own scanner (@doyensec/electronegativity/dist/runner.js, what its CLI
// calls) on a folder and writes its CSV report: `node electronegativity-scan.cjs DIR OUT.csv VERSION`.
// Not through its CLI because the CLI (and the runner) first fetch translations from GitHub (network this suite
// must not use) and its -x option wants the check's class name, not the documented id. The
// AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK (AvailableSecurityFixesGlobalCheck) is excluded: it
// queries the network for Electron releases.
const Module = require('node:module')
const { createRequire } = Module
const { dirname } = require('node:path')
const [input, output, version] = process.argv.slice(2)
const pkg = require.resolve('@doyensec/electronegativity/package.json')
const from = createRequire(pkg)
// Its translations set up from the files it ships, in place of its loader that fetches them.
const i18nLoader = from.resolve('./dist/locales/i18n.js')
const stub = new Module(i18nLoader)
stub.filename = i18nLoader
stub.loaded = true
stub.exports = {
  __esModule: true,
  default: async () => {
    const i18n = from('i18n')
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nLoader),
      updateFiles: false,
      objectNotation: true,
      register: global,
    })
    i18n.setLocale('en-US')
  },
}
require.cache[i18nLoader] = stub
from('./dist/runner.js')(
  {
    input,
    output,
    isSarif: false,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: version,
    parserPlugins: [],
  },
  false,
).catch((e) => {
  console.error(e)
  process.exit(1)
})
