import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createXmlRpcServer, type XmlRpcServer } from '../../server'
import type { Peer } from './python-peer'

/** Our own server.ts on 127.0.0.1:0, with `setup` registering whatever the test needs. */
export async function startOurServer(setup: (server: XmlRpcServer) => void = () => {}): Promise<Peer> {
  const rpc = createXmlRpcServer({ allowNil: true })
  setup(rpc)
  const http = createServer((req, res) => rpc.handle(req, res))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/RPC2`,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections()
        http.close(() => resolve())
      }),
  }
}
