import type { ServerPost } from '../../shared/model'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const strOrNull = (v: unknown): boolean => v === null || typeof v === 'string'
const strings = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string')

/** A weblog post's server copy as a draft keeps it (base or conflict): checked before it is written. */
export function isServerPost(v: unknown): v is ServerPost {
  if (!isObj(v)) return false
  const wire = v.wireId
  return (
    typeof v.id === 'string' &&
    (typeof wire === 'string' || (typeof wire === 'number' && Number.isSafeInteger(wire))) &&
    typeof v.title === 'string' &&
    typeof v.description === 'string' &&
    strings(v.categories) &&
    strings(v.keywords) &&
    typeof v.excerpt === 'string' &&
    typeof v.slug === 'string' &&
    strOrNull(v.status) &&
    strOrNull(v.dateCreated) &&
    (v.dateSource === null ||
      v.dateSource === 'gmt' ||
      v.dateSource === 'sent-zone' ||
      v.dateSource === 'account-zone') &&
    strOrNull(v.dateModified) &&
    strOrNull(v.link)
  )
}
