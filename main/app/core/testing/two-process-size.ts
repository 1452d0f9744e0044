/** Small in `npm test`; `npm run twoprocess` sets UPSTREAM_TWO_PROCESS=full for the full size. */
export function twoProcessSize(): { writers: number; accounts: number } {
  return process.env.UPSTREAM_TWO_PROCESS === 'full' ? { writers: 6, accounts: 60 } : { writers: 2, accounts: 8 }
}
