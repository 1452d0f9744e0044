import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  HOST_API_PREFIX,
  HOST_EVENTS_PATH,
  HOST_LAUNCH_HEADER,
  HOST_LAUNCH_PATH,
  HOST_SESSION_PATH,
  HOST_STAGE_PATH,
  HOST_TOKEN_HEADER,
} from '../../shared/api'
import { appError } from '../../shared/errors'
import { ok } from '../../shared/result'
import type { Core } from '../app/core/core-types'
import { allowedHosts, hostAllowed, originAllowed } from '../base/guards'
import { createLimitedServer, malformedPercent } from '../base/http-limits'
import { BodyTooLarge, readBody } from './read-body'
import { refuse, sendJson } from './respond'
import { stageUpload } from '../store/stage'
import { serveStatic } from './static-files'
import { streamEvents } from './events-stream'
import { hostSessions } from './sessions'

export interface HostOptions {
  core: Core
  /** 0 picks a free port. */
  port: number
  rendererDir: string
  maxJsonBytes?: number
  maxStageBytes?: number
}

export interface Host {
  port: number
  /**
   * The address to open, with a single-use launch token in the fragment (never sent to the server
   * in a request line). The page exchanges it for a session token: see main/host/sessions.ts.
   */
  url: string
  /** A fresh single-use launch address (`upstream serve` prints one on demand). */
  launchUrl(): string
  close(): Promise<void>
}

const API_PATHS = new Set([HOST_EVENTS_PATH, HOST_STAGE_PATH, HOST_SESSION_PATH, HOST_LAUNCH_PATH])

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name]
  return typeof v === 'string' ? v : undefined
}

/** The browser face: the renderer and the contract on 127.0.0.1 only. */
export async function startHost(opts: HostOptions): Promise<Host> {
  const sessions = hostSessions()
  let port = 0
  const launchUrl = () => `http://127.0.0.1:${port}/#token=${sessions.mintLaunch()}`
  const maxJson = opts.maxJsonBytes ?? 4 * 1024 * 1024
  const maxStage = opts.maxStageBytes ?? 2 * 1024 * 1024 * 1024
  let hosts = new Set<string>()

  const server = createLimitedServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        refuse(res, 500, appError('internal', `The host failed: ${e instanceof Error ? e.message : String(e)}`))
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, hosts))
      return refuse(res, 421, appError('auth', 'Wrong Host header: this server answers only to its own address.'))
    if (!originAllowed(req, hosts))
      return refuse(res, 403, appError('auth', 'Requests from other origins are refused.'))
    if (malformedPercent(req.url))
      return refuse(res, 400, appError('invalid-input', 'The URL has a "%" that is not followed by two hex digits.'))
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const isApi = path.startsWith(HOST_API_PREFIX) || API_PATHS.has(path)
    if (!isApi) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return refuse(res, 405, appError('invalid-input', 'Method not allowed'), { allow: 'GET, HEAD' })
      return serveStatic(opts.rendererDir, req, res)
    }
    if (path === HOST_SESSION_PATH) return exchange(req, res)
    if (!sessions.accepts(header(req, HOST_TOKEN_HEADER))) {
      return refuse(res, 401, appError('auth', 'Missing or wrong token. Open the address `upstream serve` printed.'))
    }
    if (path === HOST_LAUNCH_PATH && req.method === 'POST') return sendJson(res, 200, ok({ url: launchUrl() }))
    if (path === HOST_EVENTS_PATH && req.method === 'GET') return streamEvents(opts.core, res)
    if (path === HOST_STAGE_PATH && req.method === 'POST') return stage(req, res)
    if (req.method !== 'POST') return refuse(res, 405, appError('invalid-input', 'Use POST'), { allow: 'POST' })
    return call(path.slice(HOST_API_PREFIX.length), req, res)
  }

  async function call(channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A JSON content type forces a CORS preflight on any cross-site attempt, which we never grant.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return refuse(res, 415, appError('invalid-input', 'Send the input as application/json.'))
    }
    if (!opts.core.isChannel(channel)) return refuse(res, 404, appError('not-found', `No channel named "${channel}".`))
    let body: Buffer
    try {
      body = await readBody(req, maxJson)
    } catch (e) {
      if (e instanceof BodyTooLarge)
        return refuse(
          res,
          413,
          appError('limit', `The request is over ${maxJson} bytes; send large files through the staging upload.`),
        )
      throw e
    }
    let input: unknown
    try {
      input = body.length === 0 ? undefined : (JSON.parse(body.toString('utf8')) as { input?: unknown }).input
    } catch {
      return refuse(res, 400, appError('invalid-input', 'The request body is not valid JSON.'))
    }
    sendJson(res, 200, await opts.core.invoke(channel, input))
  }

  /** The one route a launch token opens: it is spent here, whatever else happens. */
  function exchange(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'POST') return refuse(res, 405, appError('invalid-input', 'Use POST'), { allow: 'POST' })
    const token = sessions.exchange(header(req, HOST_LAUNCH_HEADER))
    if (!token)
      return refuse(
        res,
        401,
        appError('auth', 'This launch address was already used or is unknown. Ask `upstream serve` for a fresh one.'),
      )
    sendJson(res, 200, ok({ token }))
  }

  async function stage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      sendJson(res, 200, { ok: true, value: await stageUpload(req, opts.core.info.dataDir, maxStage) })
    } catch (e) {
      refuse(res, 413, appError('limit', `Upload failed: ${e instanceof Error ? e.message : String(e)}`))
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  hosts = allowedHosts(port)
  return {
    port,
    url: launchUrl(),
    launchUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
