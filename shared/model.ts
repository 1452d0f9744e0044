import type { AppError, JsonValue } from './errors'
import type { ServerProfile } from './server-profile'

// ---- Accounts -------------------------------------------------------------------------------

export type AccountKind = 'webhost' | 'discussion' | 'community' | 'blog'

export interface Account {
  id: string
  kind: AccountKind
  name: string
  /** The XML-RPC endpoint, e.g. http://127.0.0.1:5337/RPC2 */
  url: string
  /** webhost/discussion: the member's e-mail; community: the e-mail used to register. */
  username: string
  /** discussion: the group name. */
  dgname?: string
  /** community: exactly as the server returned it (int or string). */
  usernum?: string | number
  /** Set on accounts the app made itself, e.g. the Local sandbox. */
  builtin?: 'sandbox'
  /** Whether a password is stored for this account (the password itself never leaves main). */
  hasPassword?: boolean
  /** What "Test connection" detected about the server, as the user last edited it. */
  profile?: ServerProfile
  /** blog: the site's address as the person typed it; `url` is the XML-RPC endpoint found from it. */
  siteUrl?: string
  /** blog: the blog to post to, exactly as getUsersBlogs (or RSD) gave it: sent back as received. */
  blogId?: string | number
  /** blog: the zone of the server's wall clock, for dates it sends without one (IANA name or ±HH:MM). */
  timeZone?: string
}

/**
 * What the Accounts form sends. The password travels once, to the secrets store, and is never sent
 * back. `url` may be left out for a blog given by its site's address (`siteUrl`); '' empties
 * dgname, usernum or blogId.
 */
export type AccountInput = Pick<Account, 'kind' | 'name' | 'username'> &
  Partial<Pick<Account, 'id' | 'url' | 'dgname' | 'usernum' | 'siteUrl' | 'blogId' | 'timeZone'>> & {
    password?: string
    /** The fields of the server profile the person edited; the rest keep their stored values. */
    profile?: Partial<ServerProfile>
  }

export interface MethodInfo {
  name: string
  /** Return type first; null when the server does not say. */
  signatures: string[][] | null
  help: string
}

/** What "Test connection" found. */
export interface ConnectionReport {
  ok: boolean
  /** system.listMethods, or null when the server offers no introspection. */
  methods: string[] | null
  /** Capabilities and initial resources of a community server, as typed JSON. */
  capabilities?: { [key: string]: JsonValue }
  initialResources?: { [key: string]: JsonValue }
  /** What the user should know, e.g. "This server does not offer getTopics". */
  notes: string[]
  error?: AppError
}

export interface TopicSummary {
  msgnum: string | number
  title: string
  author?: string
  inResponseTo?: string | number
  url?: string
  whenCreated?: string
}

/** One blog a login may write to (blogger.getUsersBlogs). */
export interface BlogInfo {
  /** Exactly as the server gave it (WordPress "1", others an int): save it as the account's blogId. */
  blogid: string | number
  blogName: string
  url: string
  /** The endpoint the server names for this blog, when it does (a multisite's differs per blog). */
  xmlrpc: string | null
  isAdmin: boolean | null
}

export interface BlogCategoryInfo {
  /** The name a post's categories carry. */
  name: string
  id: string | null
  parentId: string | null
  description: string
}

/** A blog's categories, from the server or, offline, from the copy kept on disk. */
export interface BlogCategories {
  categories: BlogCategoryInfo[]
  /** When the list was read from the server. */
  fetchedAt: string
  fromCache: boolean
  /** Why the cache was used (the server's error), when it was. */
  note?: string
}

/** A post on the server, as metaWeblog.getRecentPosts lists it. */
export interface BlogPostSummary {
  id: string
  /** The id exactly as the server sent it: pass it to blog.openPost. */
  wireId: string | number
  title: string
  status: string | null
  dateCreated: string | null
  link: string | null
  /** The local draft already holding this post, if any. */
  draftId?: string
}

// ---- Drafts ---------------------------------------------------------------------------------

export type DraftKind = 'message' | 'page' | 'post'
export type DraftFormat = 'html' | 'markdown' | 'text'

/** What a publish produced, with every member the server returned. */
export interface PublishRecord {
  at: string
  jobId: string
  accountId: string
  url?: string
  msgnum?: string | number
  members?: { [key: string]: JsonValue }
  /** Blog posts: what the server kept, compared field by field with what was sent. */
  kept?: KeptReport
}

/** One field of a post as the blog kept it, set against what was sent. */
export interface KeptNote {
  field: 'title' | 'body' | 'categories' | 'tags' | 'excerpt' | 'slug' | 'status' | 'date'
  /** warning: the server kept something else than the writer meant; info: a routine rewrite. */
  level: 'warning' | 'info'
  /** For people: "WordPress dropped the category ‘Paris Life’". */
  text: string
}

/** The post read back after newPost/editPost: every field sent, compared with what the server kept. */
export interface KeptReport {
  checkedAt: string
  /** Empty when the server kept everything as sent. */
  notes: KeptNote[]
}

/** A file attached to a draft (a discussion message's enclosure, a post's image). */
export interface Enclosure {
  name: string
  type: string
  size: number
  /** Where the bytes are kept: `drafts/<id>/<storedAs>`. */
  storedAs: string
}

/** The server's copy a draft was opened from: the base that conflict detection compares against. */
export interface ServerBase {
  msgnum?: string | number
  title: string
  body: string
  fetchedAt: string
  /** Every member the server returned, as typed JSON. */
  members?: { [key: string]: JsonValue }
  /** Weblog posts: every field the post had on the server. */
  post?: ServerPost
}

/** Set when a publish found that the server copy changed since the base. */
export interface DraftConflict {
  detectedAt: string
  theirs: { title: string; body: string; post?: ServerPost }
  /** Weblog posts: which fields changed on the server (title, description, categories…). */
  changed?: string[]
}

/** A date as a person chose it: the wall clock and the zone they meant it in, never a bare wall clock. */
export interface ZonedTime {
  /** YYYY-MM-DDTHH:MM[:SS], no zone. */
  wall: string
  /** An IANA name ("Europe/Paris"), "UTC", or an offset ("+02:00"). */
  zone: string
}

/** What a weblog post has beyond its title and body (the MetaWeblog post struct's other members). */
export interface PostFields {
  /** Category names, as blog.categories lists them. */
  categories?: string[]
  /** Sent as mt_keywords. */
  tags?: string[]
  excerpt?: string
  slug?: string
  /** The post's date with its zone: in the future it schedules the post; absent, the server dates it. */
  postDate?: ZonedTime
  /**
   * 'publish' (the default), 'draft' (a server draft), 'pending' (waiting for an editor's review) or
   * 'private' (seen only by those who may read private posts). A future postDate schedules a publish.
   */
  postStatus?: 'publish' | 'draft' | 'pending' | 'private'
  /** Set only when the writer chose it: WordPress refuses any sticky member from an Author (401). */
  sticky?: boolean
  /** A password readers must give; '' takes it away. Absent: left as the server has it. */
  postPassword?: string
}

/** A weblog post as the server had it (metaWeblog.getPost): the base that conflict detection compares with. */
export interface ServerPost {
  id: string
  /** The id as the server sent it (WordPress: a string from newPost, an int elsewhere): sent back exactly. */
  wireId: string | number
  title: string
  description: string
  categories: string[]
  keywords: string[]
  excerpt: string
  slug: string
  /** null when the engine does not say (only WordPress has post_status). */
  status: string | null
  /** ISO 8601 instants in UTC. */
  dateCreated: string | null
  dateSource: 'gmt' | 'sent-zone' | 'account-zone' | null
  dateModified: string | null
  link: string | null
}

/** Weblog posts also carry PostFields (categories, tags, excerpt, slug, date, publish or draft). */
export interface Draft extends PostFields {
  id: string
  kind: DraftKind
  accountId: string | null
  title: string
  body: string
  format: DraftFormat
  /** page: path inside the user's web space, e.g. "notes/hello.html" */
  relativePath?: string
  mimeType?: string
  createdAt: string
  updatedAt: string
  /** Increases by one on every durable save. */
  revision: number
  published: PublishRecord[]
  /** message: the parent's msgnum as received, or 0 for a new thread. */
  inResponseTo?: string | number
  base?: ServerBase
  conflict?: DraftConflict
  enclosures?: Enclosure[]
}

export type DraftInput = Pick<Draft, 'kind' | 'title' | 'body' | 'format'> &
  Partial<Pick<Draft, 'id' | 'accountId' | 'relativePath' | 'mimeType' | 'inResponseTo'>> &
  Omit<PostFields, 'postDate'> & {
    /** null takes the date away (the server then dates the post when it is published). */
    postDate?: ZonedTime | null
  }

export interface DraftQuery {
  text?: string
  accountId?: string
  kind?: DraftKind
}

export interface DraftSummary {
  id: string
  kind: DraftKind
  title: string
  accountId: string | null
  updatedAt: string
  publishedUrl?: string
  /** Weblog posts: the chosen status in words (shared/post-status-labels.ts); absent when public. */
  statuses?: string[]
}

// ---- The publish queue ------------------------------------------------------------------------

export type JobState =
  | 'queued'
  | 'sending'
  | 'waiting-retry'
  | 'waiting-network'
  | 'paused'
  | 'unknown' // a non-idempotent call whose answer was lost: never silently re-sent
  | 'needs-attention'
  | 'done'
  | 'cancelled'

/** The one table of legal moves. Code that changes a job's state goes through `canTransition`. */
export const jobTransitions: { readonly [S in JobState]: readonly JobState[] } = {
  queued: ['sending', 'paused', 'cancelled', 'waiting-network'],
  // → paused / cancelled: the person asked while the attempt ran; it ended without going out.
  sending: ['done', 'waiting-retry', 'waiting-network', 'unknown', 'needs-attention', 'queued', 'paused', 'cancelled'],
  'waiting-retry': ['queued', 'sending', 'paused', 'cancelled', 'waiting-network'],
  'waiting-network': ['queued', 'sending', 'paused', 'cancelled'],
  paused: ['queued', 'cancelled'],
  unknown: ['done', 'queued', 'needs-attention', 'cancelled'],
  // → done: the person says which of several look-alikes on the server is this job's post.
  'needs-attention': ['queued', 'cancelled', 'done'],
  done: [],
  cancelled: [],
}

export function canTransition(from: JobState, to: JobState): boolean {
  return jobTransitions[from].includes(to)
}

export type JobAction =
  | 'webhost.put'
  | 'discuss.newMessage'
  | 'discuss.saveMessage'
  | 'blog.newPost'
  | 'blog.editPost'
  | 'blog.deletePost'
  | 'site.sync'

export interface JobHistoryEntry {
  state: JobState
  at: string
  note?: string
}

export interface Job {
  id: string
  action: JobAction
  draftId: string
  accountId: string
  /** What the job is about, for people: "Publish hello.html to Local sandbox". */
  label: string
  state: JobState
  attempts: number
  createdAt: string
  updatedAt: string
  nextAttemptAt?: string
  progress?: { sent: number; total: number }
  history: JobHistoryEntry[]
  result?: { url?: string; msgnum?: string | number; members?: { [key: string]: JsonValue }; kept?: KeptReport }
  error?: AppError
  /** Discussion jobs: the words as queued (what newMessage sent is what a search matches on). */
  message?: JobMessage
  /** Blog jobs: the post as queued. */
  post?: JobPost
  /** Multi-file jobs: one record per file; a retry re-sends only the files not yet `sent`. */
  files?: JobFile[]
  /** Retryable failures in a row: drive the backoff and the give-up point; offline waits don't count. */
  failures?: number
  /** When the current or last attempt began. */
  attemptStartedAt?: string
  /** Non-idempotent jobs: written just before the request leaves; absent means it never left. */
  dispatchedAt?: string
  /** A non-idempotent request that may have reached the server: the search for what it did. */
  uncertain?: JobUncertainty
}

export interface JobMessage {
  title: string
  body: string
  /** newMessage: the parent's msgnum as received, or 0 for a new thread. */
  inResponseTo: string | number
  /** saveMessage: the message being edited. */
  msgnum?: string | number
}

/** A weblog post as queued: the body rendered, links to the draft's files still local (uploaded on send). */
export interface JobPost {
  title: string
  /** HTML. */
  description: string
  categories?: string[]
  keywords?: string[]
  excerpt?: string
  slug?: string
  date?: ZonedTime
  /** false: saved as a draft on the server. */
  publish: boolean
  /** Sent as post_status only to keep a private post private (WordPress makes an edit with publish true public). */
  status?: string
  /** Sent only when the writer set it (see PostFields.sticky). */
  sticky?: boolean
  /** Sent as wp_password only when the writer set one or took it away. */
  password?: string
  /** editPost and deletePost: the post's id exactly as the server gave it. */
  postid?: string | number
}

export interface JobFile {
  /** Where it goes, e.g. "notes/hello.html". */
  path: string
  status: 'pending' | 'sent' | 'failed'
  bytes?: number
  url?: string
  at?: string
  error?: AppError
}

export interface JobUncertainty {
  /** When the attempt that may have posted began: a match must be created after it. */
  since: string
  /** Automatic searches made that found nothing. */
  lookups: number
  /** 'searching' while Upstream looks on the server; 'ask-user' once only the person can tell. */
  status: 'searching' | 'ask-user'
  /** Several look-alikes on the server: the person says which one (or none) is this job's. */
  candidates?: (string | number)[]
  /** What each candidate looks like, to pick from (same order as `candidates`). */
  candidateDetails?: CandidateDetail[]
}

/** A look-alike found on the server after a lost answer: enough for a person to recognise it. */
export interface CandidateDetail {
  id: string | number
  title: string
  /** ISO 8601, or null when the server does not date it. */
  date: string | null
  /** The first words of its body, as text. */
  preview: string
  link?: string
}
