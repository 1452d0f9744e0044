/** An id as WordPress takes it: a string or an int (blogger.newPost hands out ints, metaWeblog strings). */
export const ID = ['string', 'int']

/**
 * Every signature a method accepts, for the server's parameter check and system.methodSignature:
 * the product of the alternatives given per parameter ('string' or ['string', 'int']).
 */
export function signatures(returns: string, ...params: (string | string[])[]): string[][] {
  return params.reduce<string[][]>(
    (sigs, p) => sigs.flatMap((sig) => (Array.isArray(p) ? p : [p]).map((t) => [...sig, t])),
    [[returns]],
  )
}
