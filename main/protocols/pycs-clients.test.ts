import { defineClientSuite, SUITE_MAX_FILE_SIZE } from './testing/client-suite'
import { startPycsLike } from './testing/start-pycs-like'

// The whole client suite against a server that behaves like PyCS: no introspection, int usernum,
// exactly 5 registerUser params, RCS-only methods absent, no extendedPing.
defineClientSuite({
  label: 'the PyCS-like server',
  start: () => startPycsLike({ maxFileSize: SUITE_MAX_FILE_SIZE, legalExtensions: ['html', 'txt', 'png'] }),
  dgname: 'pycs',
  introspection: false,
  arity: 5,
  isUsernum: (v) => Number.isInteger(v),
  rcs: false,
  extendedPing: false,
  dgRead: false,
})

// The same server dressed as a UserLand RCS: introspection, the RCS-only methods, extendedPing and
// the discussion readers, so the "offered" branches run against a real peer too.
defineClientSuite({
  label: 'the PyCS-like server with the RCS extras',
  start: () =>
    startPycsLike({
      maxFileSize: SUITE_MAX_FILE_SIZE,
      legalExtensions: ['html', 'txt', 'png'],
      introspection: true,
      rcs: true,
      extendedPing: true,
      dgRead: true,
      msgnum: 'string',
    }),
  dgname: 'pycs',
  introspection: true,
  arity: 5,
  isUsernum: (v) => Number.isInteger(v),
  rcs: true,
  extendedPing: true,
  dgRead: true,
})
