/**
 * A post as the blog server itself stores it, read without its XML-RPC answers (WordPress: its
 * database; the sandbox: its state file), so the suite checks what really happened.
 */
export interface StoredPost {
  title: string
  content: string
  status: string
  /** The instant, or null for a draft WordPress keeps undated. */
  dateGmt: Date | null
  slug: string
  excerpt: string
  categories: string[]
  tags: string[]
  /** The wall clock the server stores beside the instant, in its own zone ('YYYY-MM-DD HH:MM:SS'). */
  localWallClock: string | null
}

export interface ServerView {
  post(id: string): Promise<StoredPost | null>
  /** How many media files the test user has uploaded to the blog. */
  mediaCount(): Promise<number>
  /**
   * Makes a scheduled post's time come now, as the server's own scheduler would (WordPress: its
   * cron; schedules there must be a minute ahead). Absent: the server does it itself when the time passes.
   */
  goLive?(id: string): Promise<void>
}
