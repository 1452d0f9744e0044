import type { Enclosure } from './discuss-store'

export const messagePath = (group: string, msgnum: string): string =>
  `/discuss/${encodeURIComponent(group)}/${encodeURIComponent(msgnum)}`
export const groupPath = (group: string): string => `/discuss/${encodeURIComponent(group)}/`
export const enclosurePath = (group: string, msgnum: string, e: Enclosure): string =>
  `${messagePath(group, msgnum)}/enclosures/${e.n}/${encodeURIComponent(e.fileName)}`

/** The seed's rule: an empty reply title becomes "Re: " + the parent's, never "Re: Re: …". */
export const replyTitle = (parentTitle: string): string =>
  /^re:/i.test(parentTitle) ? parentTitle : `Re: ${parentTitle}`
