/**
 * The real desktop app, driven by Playwright's Electron support. It needs an Electron binary, which
 * cannot be downloaded on machines without internet (like CI here): then every test is skipped
 * with the reason printed, and scripts/e2e.mjs accepts skips only under this '@electron' title.
 * The shell's configuration is proven without the binary by main/electron/shell.test.ts.
 */
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { UpstreamApi } from '../shared/api'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Where an Electron binary is, without `require('electron')`: that tries to download one.
 * ELECTRON_OVERRIDE_DIST_PATH (a folder holding the binary) wins, as for the electron package.
 */
function findElectron(): { path: string } | { reason: string } {
  const pkg = join(root, 'node_modules', 'electron')
  const pathTxt = join(pkg, 'path.txt')
  const name = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron'
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const candidate = override ? join(override, name) : join(pkg, 'dist', name)
  try {
    accessSync(candidate, constants.X_OK)
  } catch {
    return {
      reason: override
        ? `no executable Electron binary at ${candidate} (from ELECTRON_OVERRIDE_DIST_PATH)`
        : `no Electron binary downloaded (${candidate} is missing: this machine cannot download it; set ELECTRON_OVERRIDE_DIST_PATH to a folder with one)`,
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display for Electron (run under xvfb-run, or set DISPLAY)' }
  }
  return { path: candidate }
}

const electron = findElectron()
let told = false

/** Skips the test, saying why once per worker, when no Electron binary can start here. */
function needElectron(): string {
  if ('reason' in electron) {
    if (!told) console.log(`Electron e2e skipped: ${electron.reason}`)
    told = true
    test.skip(true, electron.reason)
    throw new Error('unreachable')
  }
  return electron.path
}

async function launchApp(dataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  expect(existsSync(join(root, 'out/electron/main.cjs')), 'run `npm run build` first').toBe(true)
  const app = await _electron.launch({
    executablePath: needElectron(),
    // `.` runs package.json's main (out/electron/main.cjs). Chromium refuses its sandbox as root.
    args: ['.', `--data=${dataDir}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: root,
    env: { ...process.env, UPSTREAM_DATA: dataDir },
  })
  const page = await app.firstWindow()
  await page.waitForFunction(() => 'upstream' in window)
  return { app, page }
}

/** window.upstream.invoke in the page, resolved to the Result. */
const call = (page: Page, channel: string, input?: unknown) =>
  page.evaluate(
    ([c, i]) => (window as unknown as { upstream: { invoke(c: string, i?: unknown): Promise<any> } }).upstream.invoke(c as string, i),
    [channel, input] as const,
  )

test.describe('the desktop app @electron', () => {
  let dataDir: string
  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'upstream-electron-'))
  })
  test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

  test('starts: one window over app://, only the contract in the page, the CSP in force', async () => {
    needElectron()
    const { app, page } = await launchApp(dataDir)
    try {
      expect(page.url()).toBe('app://upstream/index.html')
      expect(app.windows()).toHaveLength(1)
      const surface = await page.evaluate(() => ({
        api: Object.keys((window as unknown as { upstream: UpstreamApi }).upstream).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }))
      expect(surface).toEqual({ api: ['invoke', 'on'], require: 'undefined', process: 'undefined' })
      // The CSP comes with the page, and inline script does not run under it.
      const csp = await page.evaluate(() => fetch('app://upstream/index.html').then((r) => r.headers.get('content-security-policy')))
      expect(csp).toContain("script-src 'self'")
      const inlineRan = await page.evaluate(async () => {
        const script = document.createElement('script')
        script.textContent = 'window.__inlineRan = true'
        document.head.append(script)
        await new Promise((r) => setTimeout(r, 50))
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true
      })
      expect(inlineRan).toBe(false)
      // window.open is denied.
      expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true)
      expect(app.windows()).toHaveLength(1)
      const info = await call(page, 'app.info')
      expect(info).toMatchObject({ ok: true, value: { name: 'Upstream', face: 'electron', dataDir } })
    } finally {
      await app.close()
    }
  })

  test('publishes a page to the Local sandbox; its URL serves exactly the bytes written', async () => {
    needElectron()
    const { app, page } = await launchApp(dataDir)
    try {
      const accounts = await call(page, 'accounts.list')
      const sandbox = accounts.value.find((a: { builtin?: string }) => a.builtin === 'sandbox')
      expect(sandbox, 'the Local sandbox account made on first run').toBeTruthy()
      const body = `<!doctype html><title>From Electron</title><p>Published at ${Date.now()} — ünïcode ✓</p>\n`
      const saved = await call(page, 'drafts.save', { kind: 'page', title: 'From Electron', body, format: 'html', accountId: sandbox.id, relativePath: 'e2e/electron.html' })
      expect(saved.ok).toBe(true)
      const queued = await call(page, 'publish.draft', { draftId: saved.value.id, accountId: sandbox.id })
      expect(queued.ok).toBe(true)
      await expect
        .poll(async () => (await call(page, 'queue.list')).value.find((j: { id: string }) => j.id === queued.value.id)?.state, { timeout: 30_000 })
        .toBe('done')
      const draft = await call(page, 'drafts.get', { id: saved.value.id })
      const url = draft.value.published.at(-1).url as string
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
      const res = await fetch(url)
      expect(res.status).toBe(200)
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(body, 'utf8'))).toBe(true)
    } finally {
      await app.close()
    }
  })

  test('quitting with a save under way keeps the draft', async () => {
    needElectron()
    const first = await launchApp(dataDir)
    // A large body, so the save is still being written when the quit begins; not awaited.
    const body = `<p>${'words worth keeping '.repeat(100_000)}</p>`
    await first.page.evaluate((input) => {
      void (window as unknown as { upstream: { invoke(c: string, i: unknown): Promise<unknown> } }).upstream.invoke('drafts.save', input)
    }, { kind: 'page', title: 'Saved while quitting', body, format: 'html' })
    await first.app.close()

    const second = await launchApp(dataDir)
    try {
      const list = await call(second.page, 'drafts.list')
      const summary = list.value.find((d: { title: string }) => d.title === 'Saved while quitting')
      expect(summary, 'the draft saved as the app quit').toBeTruthy()
      const draft = await call(second.page, 'drafts.get', { id: summary.id })
      expect(draft.value.body).toBe(body)
    } finally {
      await second.app.close()
    }
  })
})
