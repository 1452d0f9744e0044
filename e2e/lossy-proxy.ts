import { createServer, type Server } from 'node:http'
import { freePort } from './standalone-sandbox'

/**
 * A discussion server whose answers to newMessage get lost: the request goes through to the real
 * (sandbox) server, which posts it, then the connection drops before the answer. It also offers no
 * introspection, so Upstream can't search the group for the post and must ask the writer.
 */
export async function lossyProxy(target: string): Promise<{ endpoint: string; close(): Promise<void> }> {
  const port = await freePort()
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = Buffer.concat(chunks)
    const method = /<methodName>\s*([^<\s]+)\s*<\/methodName>/.exec(body.toString('utf8'))?.[1]
    if (method === 'system.listMethods') {
      res.writeHead(200, { 'content-type': 'text/xml' })
      res.end(
        '<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>-32601</int></value></member><member><name>faultString</name><value><string>no such method</string></value></member></struct></value></fault></methodResponse>',
      )
      return
    }
    const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'text/xml' }, body })
    const bytes = Buffer.from(await answer.arrayBuffer())
    if (method === 'mainResponder.discuss.newMessage') return void req.socket.destroy() // posted, answer lost
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/xml' })
    res.end(bytes)
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${port}/RPC2`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  }
}
