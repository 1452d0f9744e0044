import type { ServerCapabilities } from '../protocols/server-capabilities'
import { weblogPing, weblogUpdatesEndpoint } from '../protocols/weblog-updates'
import type { XmlRpcClient } from '../xmlrpc/client'
import { toAppError } from '../xmlrpc/to-app-error'

/** One weblogUpdates.ping and what the server said back. */
export interface PingReport {
  server: string
  ok: boolean
  /** The server's reply ("Thanks for the ping."), or why the ping failed. */
  message: string
}

/** Where to ping: the server the community names in its capabilities, then the weblog's own list. */
export function pingTargets(
  caps: Pick<ServerCapabilities, 'weblogUpdates'> | undefined,
  extra: readonly string[],
): string[] {
  const named = weblogUpdatesEndpoint(caps?.weblogUpdates)
  return [...new Set([...(named ? [named] : []), ...extra])]
}

/**
 * weblogUpdates.ping(name, home page URL) to each target, one after another. A failed ping is
 * reported, never fatal: the site is already upstreamed. No category is sent (PyCS refuses all
 * but "none").
 */
export async function pingAll(
  targets: readonly string[],
  name: string,
  homeUrl: string,
  clientFor: (url: string) => XmlRpcClient | Promise<XmlRpcClient>,
): Promise<PingReport[]> {
  const reports: PingReport[] = []
  for (const server of targets) {
    try {
      const r = await weblogPing(await clientFor(server), { name, url: homeUrl })
      reports.push({ server, ok: true, message: r.message })
    } catch (e) {
      reports.push({ server, ok: false, message: toAppError(e, { method: 'weblogUpdates.ping', url: server }).message })
    }
  }
  return reports
}
