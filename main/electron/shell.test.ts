/**
 * The desktop shell, proven without the Electron binary (it cannot be downloaded here): the REAL
 * main/electron/main.ts and preload.ts run against a recording stand-in for `electron`
 * (electron-stand-in.ts), with the core replaced by a tiny fake, and every assertion is about what
 * the code actually called. Loosening any security item makes a test here fail.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC_EVENT, IPC_INVOKE } from '../../shared/api'
import { ok } from '../../shared/result'
import type { CoreOptions } from '../app/core/core-types'
import { openSettings } from '../store/settings'
import { defaultSettings } from '../store/settings-types'
import {
  createElectronStandIn,
  fakeEvent,
  type ElectronStandIn,
  type FakeFrame,
  type StandInOptions,
} from './testing/electron-stand-in'

const APP_URL = 'app://upstream/index.html'
const CHANNELS = [
  'app.info',
  'drafts.list',
  'drafts.get',
  'drafts.save',
  'accounts.list',
  'publish.draft',
  'queue.list',
]
const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER'

const tick = () => new Promise((r) => setTimeout(r, 5))
function deferred<T = void>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/** The smallest Core that records what the shell does with it. */
function fakeCore() {
  const invoked: { channel: string; input: unknown }[] = []
  const listeners: ((name: string, payload: unknown) => void)[] = []
  const gates = new Map<string, Promise<void>>()
  let closeGate: Promise<void> = Promise.resolve()
  const close = vi.fn(() => closeGate)
  const core = {
    info: { name: 'Upstream', version: '0.1.0', dataDir: '', face: 'electron', secretsEncrypted: true },
    async invoke(channel: string, input: unknown) {
      invoked.push({ channel, input })
      await gates.get(channel)
      if (channel === 'queue.list' && input === 'explode') throw new Error('boom')
      return ok({ echo: channel })
    },
    isChannel: (name: string) => CHANNELS.includes(name),
    onEvent: (listener: (name: string, payload: unknown) => void) => (listeners.push(listener), () => {}),
    close,
  }
  return {
    core,
    invoked,
    close,
    emit: (name: string, payload: unknown) => listeners.forEach((l) => l(name, payload)),
    gate: (channel: string, p: Promise<void>) => gates.set(channel, p),
    holdClose: (p: Promise<void>) => (closeGate = p),
  }
}

interface Launch {
  e: ElectronStandIn
  fake: ReturnType<typeof fakeCore>
  opts: CoreOptions
  dataDir: string
  rendererDir: string
  main: { launched: Promise<void> }
}

/** Loads the real main.ts with a fresh stand-in, up to (not including) 'ready'. */
async function load(
  options: Partial<StandInOptions> & {
    platform?: NodeJS.Platform
    argv?: string[]
    seed?: (dataDir: string) => void
  } = {},
) {
  const root = mkdtempSync(join(tmpdir(), 'upstream-shell-'))
  roots.push(root)
  const dataDir = join(root, 'data')
  const rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  mkdirSync(dataDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Upstream</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(join(root, 'secret.txt'), SECRET)
  symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'link.txt'))
  options.seed?.(dataDir)

  const e = createElectronStandIn({ userData: join(root, 'default-user-data'), ...options })
  const fake = fakeCore()
  const coreOptions = deferred<CoreOptions>()
  vi.resetModules()
  vi.doMock('electron', () => e.module)
  vi.doMock('../app/core/core', () => ({
    startCore: async (opts: CoreOptions) => {
      coreOptions.resolve(opts)
      return fake.core
    },
  }))
  vi.doMock('./paths', async (importOriginal) => ({
    ...(await importOriginal<typeof import('./paths')>()),
    rendererRoot: () => rendererDir,
  }))

  const saved = { argv: process.argv, platform: process.platform }
  process.argv = [process.execPath, '/path/to/app', `--data=${dataDir}`, ...(options.argv ?? [])]
  if (options.platform) Object.defineProperty(process, 'platform', { value: options.platform })
  restore.push(() => {
    process.argv = saved.argv
    Object.defineProperty(process, 'platform', { value: saved.platform })
  })
  const main = (await import('./main')) as { launched: Promise<void> }
  return { e, fake, dataDir, rendererDir, main, coreOptions: coreOptions.promise }
}

/** Loads main.ts and lets the app become ready, as Electron would. */
async function launch(options: Parameters<typeof load>[0] = {}): Promise<Launch> {
  const l = await load(options)
  l.e.emitReady()
  await l.main.launched
  const opts = await l.coreOptions
  await tick()
  return { ...l, opts }
}

const restore: (() => void)[] = []
afterEach(() => {
  while (restore.length) restore.pop()!()
})
const roots: string[] = []
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })))

const win = (l: Launch) => l.e.windows[0]
const sent = (l: Launch, name: string) =>
  l.e
    .callsTo('webContents.send')
    .filter((c) => c.args[0] === IPC_EVENT && c.args[1] === name)
    .map((c) => c.args[2])
const appFrame = (l: Launch) => ({ sender: win(l).webContents, senderFrame: win(l).webContents.mainFrame })
const invoke = (l: Launch, event: unknown, channel: unknown, input?: unknown) =>
  l.e.ipcHandlers.get(IPC_INVOKE)!(event, channel, input) as Promise<any>

describe('the shell before ready', () => {
  it('registers app:// as privileged (standard, secure, fetch; nothing more) before ready, takes the single-instance lock, and creates no window yet', async () => {
    const { e, dataDir } = await load()
    expect(e.callsTo('protocol.registerSchemesAsPrivileged').map((c) => c.args[0])).toEqual([
      [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
    ])
    expect(e.callsTo('app.setPath')).toContainEqual({ api: 'app.setPath', args: ['userData', dataDir] })
    // The lock is keyed on userData, so it must be taken after userData points at the data dir.
    const order = e.calls.map((c) => c.api)
    expect(order.indexOf('app.requestSingleInstanceLock')).toBeGreaterThan(order.indexOf('app.setPath'))
    expect(e.callsTo('app.requestSingleInstanceLock')[0].args[0]).toMatchObject({ argv: process.argv })
    expect(e.windows).toHaveLength(0)
    expect(e.callsTo('protocol.handle')).toHaveLength(0)
  })

  it('when another instance holds the lock: quits at once, no window, no IPC, no core', async () => {
    const { e, main, coreOptions } = await load({ singleInstanceLock: false })
    await main.launched
    e.emitReady()
    await tick()
    expect(e.callsTo('app.quit')).toHaveLength(1)
    expect(e.windows).toHaveLength(0)
    expect(e.ipcHandlers.size).toBe(0)
    expect(await Promise.race([coreOptions.then(() => 'core started'), tick().then(() => 'no core')])).toBe('no core')
  })
})

describe('the shell (real main/electron/main.ts against the stand-in)', () => {
  let l: Launch
  beforeAll(async () => {
    l = await launch({
      argv: ['first.html'],
      seed: (dir) =>
        writeFileSync(
          join(dir, 'window-state.json'),
          JSON.stringify({ bounds: { x: 40, y: 50, width: 1000, height: 700 }, maximized: true }),
        ),
    })
  })

  it('runs the Local sandbox in a utilityProcess from sandbox-child.cjs beside main, heap-capped, its exit and stderr reported', () => {
    const child = l.opts.sandboxLauncher!()
    const [modulePath, , forkOptions] = l.e.callsTo('utilityProcess.fork').at(-1)!.args as [string, unknown, any]
    expect(modulePath).toBe(join(__dirname, 'sandbox-child.cjs'))
    expect(forkOptions.execArgv).toContainEqual(expect.stringMatching(/^--max-old-space-size=\d+$/))
    expect(forkOptions.stdio).toBe('pipe')
    const fake = l.e.utilityProcesses.at(-1)!
    child.send({ type: 'stop' })
    expect(l.e.callsTo('UtilityProcess.postMessage').at(-1)!.args).toEqual([{ type: 'stop' }])
    const messages: unknown[] = []
    const exits: unknown[] = []
    child.onMessage((m) => messages.push(m))
    child.onExit((x) => exits.push(x))
    fake.emit('message', { type: 'failed', message: 'x' })
    fake.stderr.emit(
      'data',
      Buffer.from('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'),
    )
    fake.emit('exit', 134)
    expect(messages).toEqual([{ type: 'failed', message: 'x' }])
    expect(exits).toEqual([{ code: 134, signal: null, stderrTail: expect.stringContaining('heap out of memory') }])
    expect(child.pid).toBe(4242)
  })

  it('opens exactly one window: context isolation, sandbox, no Node, no <webview>, a CommonJS preload beside main', () => {
    expect(l.e.windows).toHaveLength(1)
    const prefs = win(l).options.webPreferences
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    // main.ts is bundled to out/electron/main.cjs and the preload to out/electron/preload.cjs.
    expect(prefs.preload).toBe(join(__dirname, 'preload.cjs'))
    expect(prefs.preload).toMatch(/\.cjs$/)
    expect(l.e.callsTo('BrowserWindow.loadURL').map((c) => c.args[0])).toEqual([APP_URL])
  })

  it('restores the window size, position and maximised state from the data dir', () => {
    expect(win(l).options).toMatchObject({ x: 40, y: 50, width: 1000, height: 700, show: false })
    expect(l.e.callsTo('BrowserWindow.maximize')).toHaveLength(1)
  })

  it('serves the renderer over app:// with the CSP as a response header', async () => {
    expect(l.e.callsTo('protocol.handle').map((c) => c.args[0])).toEqual(['app'])
    const handler = l.e.protocolHandlers.get('app')!
    for (const url of [APP_URL, 'app://upstream/', 'app://upstream/write/drafts/42', 'app://upstream/assets/app.js']) {
      const res = await handler(new Request(url))
      expect(res.status, url).toBe(200)
      const csp = Object.fromEntries(
        res.headers
          .get('content-security-policy')!
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      )
      expect(csp, url).toEqual({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'worker-src': ["'self'", 'blob:'],
        'img-src': ["'self'", 'data:', 'blob:', 'http:', 'https:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-src': ["'self'", 'blob:', 'data:'],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'none'"],
        'frame-ancestors': ["'none'"],
      })
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
    const index = await handler(new Request(APP_URL))
    expect(index.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await index.text()).toContain('<title>Upstream</title>')
    const script = await handler(new Request('app://upstream/assets/app.js'))
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
  })

  it('refuses path traversal, other hosts, symlinks out of the renderer and non-GET methods', async () => {
    const handler = l.e.protocolHandlers.get('app')!
    const attempts = [
      'app://upstream/..%2fsecret.txt',
      'app://upstream/assets/..%2f..%2fsecret.txt',
      'app://upstream/%2e%2e%2fsecret.txt',
      'app://upstream/..%5csecret.txt',
      'app://upstream/../secret.txt',
      'app://upstream/%2e%2e/secret.txt',
      `app://upstream/${encodeURIComponent(join(dirname(l.rendererDir), 'secret.txt'))}`,
      'app://upstream/link.txt',
      'app://upstream/index.html%00.js',
      'app://upstream/%E0%A4%A',
      'app://elsewhere/index.html',
    ]
    for (const url of attempts) {
      const res = await handler(new Request(url))
      expect([403, 404], url).toContain(res.status)
      expect(await res.text(), url).not.toContain(SECRET)
    }
    // Refused outright (not merely missing): escapes after decoding, NUL bytes, undecodable paths.
    for (const url of [
      'app://upstream/..%2fsecret.txt',
      'app://upstream/assets/..%2f..%2fsecret.txt',
      'app://upstream/index.html%00.js',
      'app://upstream/%E0%A4%A',
    ]) {
      expect((await handler(new Request(url))).status, url).toBe(403)
    }
    expect((await handler(new Request('app://upstream/missing.js'))).status).toBe(404)
    expect((await handler(new Request(APP_URL, { method: 'POST', body: 'x' }))).status).toBe(405)
  })

  it('denies every permission request and check, and device access', () => {
    const { permissionRequest, permissionCheck, devicePermission } = l.e.sessionHandlers
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
      'midi',
    ]) {
      const callback = vi.fn()
      permissionRequest(win(l).webContents, permission, callback, { requestingUrl: APP_URL })
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false)
      expect(
        permissionCheck(win(l).webContents, permission, 'app://upstream', { requestingUrl: APP_URL }),
        permission,
      ).toBe(false)
    }
    expect(devicePermission({ deviceType: 'usb', origin: 'app://upstream' })).toBe(false)
  })

  it('denies window.open; only validated http(s) links reach shell.openExternal', () => {
    const open = win(l).webContents.windowOpenHandler!
    const before = l.e.callsTo('shell.openExternal').length
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://attacker/share',
      'ms-msdt:/id',
      'app://upstream/index.html',
      'https://user:pw@example.com/',
      'not a url',
    ]) {
      expect(open({ url }), url).toEqual({ action: 'deny' })
    }
    expect(l.e.callsTo('shell.openExternal')).toHaveLength(before)
    expect(open({ url: 'https://example.com/a page' })).toEqual({ action: 'deny' })
    expect(open({ url: 'http://example.org/' })).toEqual({ action: 'deny' })
    expect(
      l.e
        .callsTo('shell.openExternal')
        .slice(before)
        .map((c) => c.args[0]),
    ).toEqual(['https://example.com/a%20page', 'http://example.org/'])
  })

  it('prevents navigation away and <webview> attachment', () => {
    const contents = win(l).webContents
    for (const url of ['https://evil.example/', 'app://upstream/other.html', 'file:///etc/passwd']) {
      const event = fakeEvent()
      contents.emit('will-navigate', event, url)
      expect(event.defaultPrevented, url).toBe(true)
    }
    const attach = fakeEvent()
    contents.emit('will-attach-webview', attach, {}, {})
    expect(attach.defaultPrevented).toBe(true)
    expect(
      l.e
        .callsTo('shell.openExternal')
        .map((c) => c.args[0])
        .every((u) => /^https?:\/\//.test(String(u))),
    ).toBe(true)
  })

  it("passes the app frame's IPC to the core", async () => {
    expect(l.e.callsTo('ipcMain.handle').map((c) => c.args[0])).toEqual([IPC_INVOKE])
    const result = await invoke(l, appFrame(l), 'drafts.get', { id: 'd1' })
    expect(result).toEqual({ ok: true, value: { echo: 'drafts.get' } })
    expect(l.fake.invoked.at(-1)).toEqual({ channel: 'drafts.get', input: { id: 'd1' } })
  })

  it('rejects IPC from any other frame with a failed Result, never a throw, and never reaches the core', async () => {
    const contents = win(l).webContents
    const main = contents.mainFrame
    const foreign: [string, unknown][] = [
      [
        'another origin in the main frame',
        { sender: contents, senderFrame: { ...main, url: 'https://evil.example/' } },
      ],
      ['a look-alike host', { sender: contents, senderFrame: { ...main, url: 'app://upstream.evil/index.html' } }],
      [
        'a subframe (a preview)',
        {
          sender: contents,
          senderFrame: { frameTreeNodeId: main.frameTreeNodeId + 1, parent: main, url: APP_URL } satisfies FakeFrame,
        },
      ],
      ['a frame that is gone', { sender: contents, senderFrame: null }],
      ['another web contents', { sender: { id: contents.id + 1000 }, senderFrame: main }],
      [
        "another window's main frame",
        { sender: contents, senderFrame: { frameTreeNodeId: 9999, parent: null, url: APP_URL } },
      ],
    ]
    const before = l.fake.invoked.length
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const [what, event] of foreign) {
      const result = await invoke(l, event, 'drafts.list')
      expect(result.ok, what).toBe(false)
      expect(result.error.kind, what).toBe('internal')
    }
    expect(l.fake.invoked.length).toBe(before)
    expect(warn).toHaveBeenCalledTimes(foreign.length)
    warn.mockRestore()
  })

  it('answers unknown channels and core failures with Results', async () => {
    expect(await invoke(l, appFrame(l), 'fs.readFile', '/etc/passwd')).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    })
    expect(await invoke(l, appFrame(l), { toString: () => 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    })
    expect(await invoke(l, appFrame(l), 'queue.list', 'explode')).toMatchObject({
      ok: false,
      error: { kind: 'internal' },
    })
  })

  it('forwards core events to the window through the contract', async () => {
    const job = { id: 'j1', state: 'sending' }
    l.fake.emit('queue.job', job)
    await tick()
    expect(sent(l, 'queue.job')).toContainEqual(job)
  })

  it("gives the core Electron's net.fetch for http(s) only", async () => {
    const fetch = l.opts.fetch!
    await fetch('https://example.com/RPC2', { method: 'POST', body: '<x/>' })
    expect(l.e.callsTo('net.fetch').map((c) => c.args[0])).toEqual(['https://example.com/RPC2'])
    for (const url of ['file:///etc/passwd', 'app://upstream/index.html', 'smb://host/share']) {
      await expect(fetch(url), url).rejects.toThrow(TypeError)
      await expect(fetch(new URL(url)), url).rejects.toThrow(TypeError)
    }
    expect(l.e.callsTo('net.fetch')).toHaveLength(1)
    expect(l.opts).toMatchObject({ dataDir: l.dataDir, face: 'electron' })
  })

  it('keeps passwords as safeStorage ciphertext (async API) in <data>/secrets.json, mode 0600', async () => {
    const secrets = l.opts.secrets!
    expect(secrets.encrypted).toBe(true)
    expect(secrets.description).toMatch(/encrypted with the system keyring/)
    await secrets.set('account:a:password', 'hunter2')
    const file = join(l.dataDir, 'secrets.json')
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain('hunter2')
    const entry = JSON.parse(text).entries['account:a:password']
    expect(entry.encoding).toBe('safeStorage')
    expect(Buffer.from(entry.value, 'base64').subarray(0, 3).toString()).toBe('v11')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(await secrets.get('account:a:password')).toBe('hunter2')
    expect(await secrets.get('toString')).toBeUndefined()
    // A plain entry left by the CLI is read, then sealed.
    const f = JSON.parse(readFileSync(file, 'utf8'))
    f.entries['account:b:password'] = { encoding: 'plain', value: 'from-cli' }
    writeFileSync(file, JSON.stringify(f))
    expect(await secrets.get('account:b:password')).toBe('from-cli')
    expect(readFileSync(file, 'utf8')).not.toContain('from-cli')
    await secrets.delete('account:a:password')
    expect(await secrets.get('account:a:password')).toBeUndefined()
  })

  it('keeps settings with the one store (main/store/settings.ts) in <data>/settings.json, as the Node faces do', async () => {
    const settings = l.opts.settings!
    expect(settings.get()).toEqual(defaultSettings())
    await settings.update((s) => void (s.preferences.theme = 'dark'))
    const text = readFileSync(join(l.dataDir, 'settings.json'), 'utf8')
    expect(text).toContain('\t"preferences"')
    expect(openSettings(l.dataDir).get().preferences.theme).toBe('dark')
    await expect(settings.update((s) => void ((s as any).accounts = 'nope'))).rejects.toMatchObject({
      kind: 'invalid-input',
    })
    expect(JSON.parse(readFileSync(join(l.dataDir, 'settings.json'), 'utf8')).accounts).toEqual([])
  })

  it('never accepts a certificate error, and tells the user', async () => {
    const event = fakeEvent()
    const callback = vi.fn()
    l.e.app.emit(
      'certificate-error',
      event,
      win(l).webContents,
      'https://bad.example/x.png',
      'net::ERR_CERT_AUTHORITY_INVALID',
      {},
      callback,
      false,
    )
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    expect(event.defaultPrevented).toBe(false)
    await tick()
    expect(sent(l, 'notification')).toContainEqual(
      expect.objectContaining({ level: 'error', title: expect.stringContaining('bad.example') }),
    )
  })

  it('has menus with the editor shortcuts, sending commands to the renderer', async () => {
    const [menu] = l.e.callsTo('Menu.buildFromTemplate').map((c) => c.args[0] as any[])
    expect(l.e.callsTo('Menu.setApplicationMenu')).toHaveLength(1)
    expect(menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help'])
    const items = menu.flatMap((m) => m.submenu as any[])
    const byLabel = (label: string) => items.find((i) => i.label === label)
    expect(byLabel('New Draft').accelerator).toBe('CmdOrCtrl+N')
    expect(byLabel('Save').accelerator).toBe('CmdOrCtrl+S')
    expect(byLabel('Publish').accelerator).toBe('CmdOrCtrl+Enter')
    expect(byLabel('Search…').accelerator).toBe('CmdOrCtrl+K')
    expect(menu[0].submenu.at(-1)).toEqual({ role: 'quit' })
    expect(menu[4].submenu).toContainEqual({ role: 'about' })
    byLabel('Save').click()
    byLabel('Accounts').click()
    await tick()
    expect(sent(l, 'menu.command')).toEqual([{ command: 'save' }, { command: 'area-accounts' }])
  })

  it('hands files and http(s) URLs from the command line and a second launch to the window, and focuses it', async () => {
    expect(sent(l, 'app.open')).toEqual([{ files: [resolve('first.html')], urls: [] }])
    // As Playwright launches it: switches before the app path, `--data DIR` as two arguments.
    const argv = [
      '/usr/bin/electron',
      '--inspect=0',
      '/path/to/app',
      '--data',
      '/d',
      '--enable-features=x',
      'notes.html',
      'https://example.com/post',
      'javascript:alert(1)',
      'smb://h/s',
      '/abs/page.md',
    ]
    l.e.app.emit('second-instance', fakeEvent(), ['mangled'], '/elsewhere', { argv, cwd: '/home/u/docs' })
    await tick()
    expect(l.e.callsTo('BrowserWindow.focus').length).toBeGreaterThan(0)
    expect(l.e.windows).toHaveLength(1)
    expect(sent(l, 'app.open').at(-1)).toEqual({
      files: ['/home/u/docs/notes.html', '/abs/page.md'],
      urls: ['https://example.com/post'],
    })
  })

  it('offers a reload when the renderer dies, and reloads the app page', async () => {
    const loads = () => l.e.callsTo('BrowserWindow.loadURL').length
    const before = loads()
    win(l).webContents.emit('render-process-gone', fakeEvent(), { reason: 'clean-exit', exitCode: 0 })
    await tick()
    expect(l.e.callsTo('dialog.showMessageBox')).toHaveLength(0)
    win(l).webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 139 })
    await tick()
    const [box] = l.e.callsTo('dialog.showMessageBox')
    expect(box.args[1]).toMatchObject({ buttons: ['Reload', 'Quit'], defaultId: 0 })
    expect(loads()).toBe(before + 1)
    expect(l.e.callsTo('BrowserWindow.loadURL').at(-1)!.args[0]).toBe(APP_URL)
    expect(l.e.callsTo('app.quit')).toHaveLength(0)
  })

  it('keeps the window size and position when the window closes', async () => {
    win(l).bounds = { x: 12, y: 34, width: 900, height: 640 }
    l.fake.emit('queue.job', { id: 'in flight as the window closes' })
    win(l).close()
    await tick()
    const state = JSON.parse(readFileSync(join(l.dataDir, 'window-state.json'), 'utf8'))
    expect(state).toEqual({ bounds: { x: 12, y: 34, width: 900, height: 640 }, maximized: true })

    // With the window gone, events and notifications have nowhere to go, and must not throw.
    const sends = l.e.callsTo('webContents.send').length
    expect(() => l.fake.emit('queue.job', { id: 'late' })).not.toThrow()
    expect(l.e.callsTo('webContents.send')).toHaveLength(sends)
  })
})

describe('quitting and closing', () => {
  it('holds the quit until the window is closed, calls in progress finish and core.close() resolves, then quits once', async () => {
    const l = await launch()
    const save = deferred()
    l.fake.gate('drafts.save', save.promise)
    const closing = deferred()
    l.fake.holdClose(closing.promise)

    const pending = invoke(l, appFrame(l), 'drafts.save', { kind: 'page', title: 't', body: 'b', format: 'html' })
    l.e.app.quit()
    await tick()
    expect(win(l).destroyed).toBe(true)
    expect(l.e.app.quitCompleted).toBe(false)
    expect(l.fake.close).not.toHaveBeenCalled() // the save is still being written
    l.e.app.quit() // impatient user: still held, no second flush
    save.resolve()
    await tick()
    expect(l.fake.close).toHaveBeenCalledTimes(1)
    expect(l.e.app.quitCompleted).toBe(false)
    closing.resolve()
    await tick()
    expect(l.e.app.quitCompleted).toBe(true)
    expect(await pending).toEqual({ ok: true, value: { echo: 'drafts.save' } })
    expect(l.fake.close).toHaveBeenCalledTimes(1)
  })

  it("quitting with unsaved words in the page: the page's save is written before the window closes and the core closes", async () => {
    const l = await launch()
    const save = deferred()
    l.fake.gate('drafts.save', save.promise)
    // The page as use-unload-guard makes it: while dirty, beforeunload starts a save and asks to stay.
    let dirty = true
    let saving: Promise<unknown> | null = null
    win(l).beforeUnload = () => {
      if (dirty && !saving)
        saving = invoke(l, appFrame(l), 'drafts.save', {
          kind: 'page',
          title: 'unsaved',
          body: 'words',
          format: 'html',
        }).then(() => (dirty = false))
      return dirty
    }
    let dirtyWhenClosed: boolean | undefined
    win(l).on('closed', () => (dirtyWhenClosed = dirty))
    l.e.app.quit()
    // A slow disk: the save takes longer than all the close retries together would.
    await new Promise((r) => setTimeout(r, 800))
    expect(l.e.callsTo('BrowserWindow.close refused by the page')).toHaveLength(1)
    expect(win(l).destroyed).toBe(false)
    expect(l.fake.close).not.toHaveBeenCalled()
    save.resolve()
    await vi.waitFor(() => expect(l.e.app.quitCompleted).toBe(true))
    expect(win(l).destroyed).toBe(true)
    expect(dirtyWhenClosed).toBe(false)
    expect(l.fake.invoked.map((c) => c.channel)).toEqual(['drafts.save'])
    expect(l.fake.close).toHaveBeenCalledTimes(1)
  })

  it('a page that never lets go is closed after a few refusals, so the app still quits', async () => {
    const l = await launch()
    win(l).beforeUnload = () => true
    l.e.app.quit()
    await vi.waitFor(() => expect(l.e.app.quitCompleted).toBe(true), { timeout: 5_000 })
    expect(l.e.callsTo('BrowserWindow.close refused by the page')).toHaveLength(5)
    expect(win(l).destroyed).toBe(true)
  })

  it("closing the window with unsaved words: retried once the page's save is done", async () => {
    const l = await launch()
    let dirty = true
    win(l).beforeUnload = () => {
      if (dirty)
        void invoke(l, appFrame(l), 'drafts.save', { kind: 'page', title: 'x', body: 'y', format: 'html' }).then(
          () => (dirty = false),
        )
      return dirty
    }
    win(l).close()
    expect(win(l).destroyed).toBe(false)
    await vi.waitFor(() => expect(win(l).destroyed).toBe(true))
    expect(l.fake.invoked.map((c) => c.channel)).toEqual(['drafts.save'])
  })
})

describe('platform conventions and stored data', () => {
  it('macOS: an application menu first, Close in File, Bring All to Front in Window', async () => {
    const l = await launch({ platform: 'darwin' })
    const [menu] = l.e.callsTo('Menu.buildFromTemplate').map((c) => c.args[0] as any[])
    expect(menu.map((m) => m.label)).toEqual(['Upstream', 'File', 'Edit', 'View', 'Window', 'Help'])
    expect(menu[0].submenu.map((i: any) => i.role).filter(Boolean)).toEqual([
      'about',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ])
    expect(menu[1].submenu.at(-1)).toEqual({ role: 'close' })
    expect(menu[4].submenu).toContainEqual({ role: 'front' })
    expect(menu.flatMap((m) => m.submenu).find((i: any) => i.label === 'Publish').accelerator).toBe('CmdOrCtrl+Enter')
  })

  it('a saved position no longer on any display keeps its size but not its place', async () => {
    const l = await launch({
      seed: (dir) =>
        writeFileSync(
          join(dir, 'window-state.json'),
          JSON.stringify({ bounds: { x: 5000, y: 4000, width: 1000, height: 700 }, maximized: false }),
        ),
    })
    expect(win(l).options).toMatchObject({ width: 1000, height: 700 })
    expect(win(l).options.x).toBeUndefined()
    expect(win(l).options.y).toBeUndefined()
    expect(l.e.callsTo('BrowserWindow.maximize')).toHaveLength(0)
  })

  it('Linux without a keyring (basic_text): says plainly the passwords are not protected', async () => {
    const l = await launch({ platform: 'linux', storageBackend: 'basic_text' })
    expect(l.opts.secrets!.encrypted).toBe(false)
    expect(l.opts.secrets!.description).toMatch(/not protected by a keyring/)
  })

  it('a corrupt settings.json is renamed aside with its bytes, never wiped', async () => {
    const broken = '{"accounts": [ {"id": "a1", "kind": "webhost", '
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const l = await launch({ seed: (dir) => writeFileSync(join(dir, 'settings.json'), broken) })
    const aside = readdirSync(l.dataDir).filter((f) => /^settings\.corrupt-.+\.json$/.test(f))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(l.dataDir, aside[0]), 'utf8')).toBe(broken)
    expect(l.opts.settings!.get()).toEqual(defaultSettings())
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(aside[0]))
    warn.mockRestore()
  })

  it('settings.json that is JSON but not settings is kept aside too', async () => {
    const wrong = JSON.stringify({ accounts: 'not a list', preferences: { theme: 'system' } })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const l = await launch({ seed: (dir) => writeFileSync(join(dir, 'settings.json'), wrong) })
    const aside = readdirSync(l.dataDir).filter((f) => f.startsWith('settings.corrupt-'))
    expect(aside.map((f) => readFileSync(join(l.dataDir, f), 'utf8'))).toEqual([wrong])
    expect(l.opts.settings!.get()).toEqual(defaultSettings())
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"accounts" is not a list'))
    warn.mockRestore()
  })
})

describe('the preload', () => {
  async function loadPreload() {
    const e = createElectronStandIn({ userData: tmpdir() })
    vi.resetModules()
    vi.doMock('electron', () => e.module)
    await import('./preload')
    return e
  }

  it('exposes exactly invoke and on as window.upstream, and never ipcRenderer', async () => {
    const e = await loadPreload()
    expect(e.callsTo('contextBridge.exposeInMainWorld').map((c) => c.args[0])).toEqual(['upstream'])
    const api = e.exposed.get('upstream') as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(
      Object.values(api).every(
        (v) => typeof v === 'function' && (v as unknown) !== e.ipcRenderer && v !== e.ipcRenderer.invoke,
      ),
    ).toBe(true)
  })

  it('invoke sends (channel, input) on the one invoke channel', async () => {
    const e = await loadPreload()
    const api = e.exposed.get('upstream') as any
    expect(await api.invoke('drafts.get', { id: 'x' })).toEqual({ ok: true, value: 'from main' })
    expect(await api.invoke('app.info')).toEqual({ ok: true, value: 'from main' })
    expect(e.callsTo('ipcRenderer.invoke').map((c) => c.args)).toEqual([
      [IPC_INVOKE, 'drafts.get', { id: 'x' }],
      [IPC_INVOKE, 'app.info', undefined],
    ])
  })

  it('on delivers only the payload of the named event, and its return value unsubscribes', async () => {
    const e = await loadPreload()
    const api = e.exposed.get('upstream') as any
    const listener = vi.fn()
    const off = api.on('queue.job', listener)
    const ipcEvent = { sender: e.ipcRenderer, senderId: 0 }
    e.ipcRenderer.emit(IPC_EVENT, ipcEvent, 'queue.job', { id: 'j1' })
    e.ipcRenderer.emit(IPC_EVENT, ipcEvent, 'draft.saved', { id: 'd1' })
    expect(listener.mock.calls).toEqual([[{ id: 'j1' }]])
    expect(typeof off).toBe('function')
    off()
    e.ipcRenderer.emit(IPC_EVENT, ipcEvent, 'queue.job', { id: 'j2' })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(e.ipcRenderer.listenerCount(IPC_EVENT)).toBe(0)
  })
})

describe('packaging', () => {
  const require = createRequire(import.meta.url)
  const fuses = require('./fuses.cjs') as {
    fuseConfig: Record<string, unknown>
    default: (context: unknown) => Promise<void>
  }
  const { FuseV1Options, FuseVersion, getCurrentFuseWire } =
    require('@electron/fuses') as typeof import('@electron/fuses')

  it('the fuse config: RunAsNode off, cookie encryption on, NODE_OPTIONS and --inspect off, ASAR integrity and ASAR-only on', () => {
    expect(fuses.fuseConfig).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    })
  })

  it('the afterPack hook flips those fuses in the packaged binary (a binary carrying the fuse wire)', async () => {
    const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
    for (const [platform, name] of [
      ['linux', 'upstream-desktop'],
      ['win32', 'Upstream.exe'],
    ] as const) {
      const out = mkdtempSync(join(tmpdir(), 'upstream-fuses-'))
      roots.push(out)
      // Electron's defaults: RunAsNode, NODE_OPTIONS, --inspect and file: privileges on; the rest off.
      const wire = Buffer.from('10110001')
      writeFileSync(
        join(out, name),
        Buffer.concat([
          Buffer.from('ELF...'),
          Buffer.from(SENTINEL),
          Buffer.from([1, wire.length]),
          wire,
          Buffer.from('...'),
        ]),
      )
      chmodSync(join(out, name), 0o755)
      await fuses.default({
        appOutDir: out,
        electronPlatformName: platform,
        arch: 1,
        packager: { executableName: 'upstream-desktop', appInfo: { productFilename: 'Upstream' } },
      })
      const state = (await getCurrentFuseWire(join(out, name))) as unknown as Record<number, number>
      const on = 49
      const off = 48
      expect(
        [0, 1, 2, 3, 4, 5, 7].map((i) => state[i]),
        platform,
      ).toEqual([off, on, off, off, on, on, off])
    }
  })

  it('electron-builder.yml is valid for the installed electron-builder and builds what the issue asks', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js')
    const { DebugLogger } = require('builder-util')
    const root = resolve(__dirname, '../..')
    const config = await getConfig(root, null, null)
    await validateConfiguration(config, new DebugLogger(false))
    expect(config).toMatchObject({
      appId: 'org.upstream.app',
      productName: 'Upstream',
      directories: { output: 'dist' },
      afterPack: 'main/electron/fuses.cjs',
    })
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json'] }])
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
    for (const p of [config.linux.icon, config.win.icon, config.mac.icon])
      expect(p).toBe('main/electron/resources/icon.png')
    const png = readFileSync(join(root, 'main/electron/resources/icon.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
    expect(existsSync(join(root, config.afterPack))).toBe(true)
  })
})
