// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, where no
// command-line flag or environment variable can turn them back.
// (CommonJS because electron-builder require()s its hooks.)
const path = require('node:path')
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')

/** builder-util's Arch.arm64 (electron-builder passes the enum's number). */
const ARCH_ARM64 = 3

/** The fuse settings; exported so the shell test can assert every one. */
const fuseConfig = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node.
  [FuseV1Options.RunAsNode]: false,
  // Cookies encrypted at rest with the OS key, like Chrome's.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash built into the binary, and only app.asar is loaded.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The app is served over app://, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}

/** The Electron executable inside electron-builder's output for one platform. */
function electronBinary(context) {
  const name = context.packager.appInfo.productFilename
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`)
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`)
    default:
      return path.join(context.appOutDir, context.packager.executableName)
  }
}

async function afterPack(context) {
  // Flipping fuses breaks an ad-hoc signature; arm64 macOS refuses to run unsigned code.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === ARCH_ARM64
  await flipFuses(electronBinary(context), { ...fuseConfig, resetAdHocDarwinSignature })
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.fuseConfig = fuseConfig
module.exports.electronBinary = electronBinary
