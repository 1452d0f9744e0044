/**
 * The app's version, kept equal to package.json's "version" (a test checks). A constant rather
 * than an import of package.json so the bundles don't carry the whole manifest.
 */
export const APP_VERSION = '0.1.0'

/** What Upstream sends as User-Agent on every XML-RPC call. */
export const USER_AGENT = `Upstream/${APP_VERSION}`
