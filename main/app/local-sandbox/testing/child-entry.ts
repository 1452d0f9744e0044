import { bundleScript } from '../../../store/testing/bundle-script'

/** The Local sandbox child's entry, bundled as a runnable .mjs (tests run from source). */
export const childEntry = (): Promise<string> => bundleScript(new URL('../sandbox-child.ts', import.meta.url))
