// Types for build-fingerprint.mjs (a plain script so build.mjs runs without a TypeScript loader).
export declare const BUILD_INPUTS: string[]
export declare function buildFingerprint(inputs?: string[], root?: string): string
