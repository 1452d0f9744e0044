import type { ServerProfile } from '../../../shared/server-profile'
import type { XmlRpcClient } from '../../xmlrpc/client'

/** What every call to one blog needs. Blogger and MetaWeblog send the password with every call. */
export interface BlogLogin {
  client: XmlRpcClient
  username: string
  /** Clear text, as the blog's own login form takes it. */
  password: string
  /** As getUsersBlogs (or RSD) gave it, type included (WordPress: "1"): sent back exactly. */
  blogid: string | number
  /** Blogger's appkey: ignored by every live server, so '' unless the account sets one. */
  appKey?: string
  /**
   * The zone of the server's wall clock, for a dateCreated that comes without date_created_gmt
   * (ServerProfile.timeZone; 'UTC' when unset).
   */
  timeZone?: string
  /** When listMethods is known, calls to methods it lacks are refused before sending. */
  profile?: ServerProfile
}

/** The credentials part, enough for calls that name no blog (getUsersBlogs, getPost…). */
export type BlogCredentials = Pick<BlogLogin, 'client' | 'username' | 'password' | 'appKey' | 'profile'>

/** One blog on one endpoint, for remembering what was uploaded there (never the credentials). */
export const blogKeyOf = (login: Pick<BlogLogin, 'client' | 'blogid'>): string =>
  `${login.client.url}#${String(login.blogid)}`
