import type { CommunityMember } from '../protocols/community-session'
import { getServerCapabilities, type ServerCapabilities } from '../protocols/server-capabilities'
import type { XmlRpcClient } from '../xmlrpc/client'
import { memberFor, type SiteAccount } from './site-account'
import type { SyncState } from './sync-state'

/**
 * The server side of one sync, opened lazily: a sync with nothing to do makes no call at all.
 * Capabilities are asked once per pass (a second pass checks the quota after the first).
 */
export class SyncSession {
  /** Whether any call was made: only then can the state have learned something to keep. */
  contacted = false
  capabilityCalls = 0
  private member?: CommunityMember
  private caps?: ServerCapabilities
  private readonly client: XmlRpcClient

  constructor(
    private readonly account: SiteAccount,
    private readonly password: string,
    client: XmlRpcClient,
    private readonly state: SyncState,
    private readonly signal?: AbortSignal,
  ) {
    this.client = {
      url: client.url,
      call: (method, params, opts) => ((this.contacted = true), client.call(method, params, opts)),
    }
  }

  async session(): Promise<CommunityMember> {
    return (this.member ??= await memberFor(this.account, this.password, this.client, this.state))
  }

  async capabilities(): Promise<ServerCapabilities> {
    if (!this.caps) {
      this.capabilityCalls++
      this.caps = await getServerCapabilities(await this.session(), { signal: this.signal })
      if (this.caps.yourUpstreamFolderUrl) this.state.server!.folderUrl = this.caps.yourUpstreamFolderUrl
    }
    return this.caps
  }

  /** The capabilities as last read, if any. */
  get known(): ServerCapabilities | undefined {
    return this.caps
  }

  nextPass(): void {
    this.caps = undefined
  }
}
