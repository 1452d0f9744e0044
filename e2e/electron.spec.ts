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
  const name = existsSync(pathTxt)
    ? readFileSync(pathTxt, 'utf8').trim()
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron'
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

/** Replaces the editor's text, as a user pasting it would. */
async function typeBody(page: Page, body: string): Promise<void> {
  await page.locator('.monaco-editor').first().click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(body)
}

/** window.upstream.invoke in the page, resolved to the Result. */
const call = (page: Page, channel: string, input?: unknown) =>
  page.evaluate(
    ([c, i]) =>
      (window as unknown as { upstream: { invoke(c: string, i?: unknown): Promise<any> } }).upstream.invoke(
        c as string,
        i,
      ),
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
      const csp = await page.evaluate(() =>
        fetch('app://upstream/index.html').then((r) => r.headers.get('content-security-policy')),
      )
      expect(csp).toContain("script-src 'self'")
      const inlineRan = await page.evaluate(async () => {
        const script = document.createElement('script')
        script.textContent = 'window.__inlineRan = true'
        document.head.append(script)
        await new Promise((r) => setTimeout(r, 50))
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true
      })
      expect(inlineRan).toBe(false)
      // window.open is denied (about:blank, so no real browser opens on the test machine).
      expect(await page.evaluate(() => window.open('about:blank') === null)).toBe(true)
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
      // The same steps as the browser slice (publish-slice.spec.ts), through the preload and IPC.
      await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible()
      await page.getByRole('button', { name: 'New', exact: true }).click()
      await page.getByRole('textbox', { name: 'Title' }).fill('Hello from Electron')
      await page.getByLabel('Relative path').fill('e2e/electron.html')
      const body = '<!doctype html>\n<title>Hi</title>\n<h1>Héllo from the desktop — “quotes” & <em>tags</em></h1>\n'
      await typeBody(page, body)
      await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved', { timeout: 15_000 })

      await page.getByRole('region', { name: 'Editor' }).getByRole('button', { name: 'Publish', exact: true }).click()
      const link = page.getByRole('link', { name: 'Open published page' }).first()
      await expect(link).toBeVisible({ timeout: 30_000 })
      const href = (await link.getAttribute('href'))!
      expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*e2e\/electron\.html$/)
      const served = await fetch(href)
      expect(served.status).toBe(200)
      expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(body, 'utf8'))).toBe(true)
    } finally {
      await app.close()
    }
  })

  test('quitting right after typing keeps the words (the save is written before the app exits)', async () => {
    needElectron()
    const first = await launchApp(dataDir)
    await expect(first.page.getByRole('navigation', { name: 'Areas' })).toBeVisible()
    await first.page.getByRole('button', { name: 'New', exact: true }).click()
    await first.page.getByRole('textbox', { name: 'Title' }).fill('Typed just before quitting')
    const body = `<p>${'words worth keeping '.repeat(2_000)}</p>`
    await typeBody(first.page, body)
    // Quit at once, well inside the autosave's pause: the page still holds unsaved words.
    await first.app.close()

    const second = await launchApp(dataDir)
    try {
      const list = await call(second.page, 'drafts.list')
      const summary = list.value.find((d: { title: string }) => d.title === 'Typed just before quitting')
      expect(summary, 'the draft typed as the app quit').toBeTruthy()
      const draft = await call(second.page, 'drafts.get', { id: summary.id })
      expect(draft.value.body).toBe(body)
    } finally {
      await second.app.close()
    }
  })
})
