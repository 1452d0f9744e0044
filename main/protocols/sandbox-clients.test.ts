import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '../sandbox/sandbox'
import { defineClientSuite, SUITE_MAX_FILE_SIZE } from './testing/client-suite'

// The same client suite against our own sandbox: introspection, 7-digit string usernums,
// registerUser with 5 or 6 params, every RCS method, and Frontier's discussion readers.
defineClientSuite({
  label: 'the sandbox',
  start: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-clients-'))
    const sandbox = await startSandbox({
      dir,
      port: 0,
      limits: { maxFileSize: SUITE_MAX_FILE_SIZE, legalFileExtensions: ['html', 'txt', 'png'] },
    })
    return {
      endpoint: sandbox.endpoint,
      close: async () => {
        await sandbox.close()
        await rm(dir, { recursive: true, force: true })
      },
    }
  },
  dgname: 'sandbox',
  introspection: true,
  arity: 'either',
  isUsernum: (v) => typeof v === 'string' && /^\d{7}$/.test(v),
  rcs: true,
  extendedPing: true,
  dgRead: true,
})
