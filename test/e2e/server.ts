/**
 * Starts `npm run dev` (the real local cloud, h5 shop and console) on a free port with a fresh
 * data folder, the way a newcomer does, and launches Debian's Chromium against it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts')
export const ADMIN_PASSWORD = 'e2e-operator-pass'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export interface DevServer {
  url: string
  /** Calls a cloud function through the gateway as `openid` (none: no user), as the h5 app does. */
  call(fn: string, event: object, openid?: string): Promise<any>
  stop(): Promise<void>
}

export async function startDevServer(): Promise<DevServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'qunyou-e2e-'))
  const child: ChildProcess = spawn('npm', ['run', 'dev'], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 150_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run dev exited:\n${output}`)
    try {
      const res = await fetch(`${url}/`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`npm run dev did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return {
    url,
    async call(fn, event, openid) {
      const res = await fetch(`${url}/cloud/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
        body: JSON.stringify(event),
      })
      return res.json()
    },
    async stop() {
      if (child.exitCode === null && child.pid) {
        process.kill(-child.pid, 'SIGTERM')
        await new Promise((resolve) => child.once('exit', resolve))
      }
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * For a test file: `npm run dev` and a Chromium, started before its tests and stopped after.
 * The fields are set once `beforeAll` has run.
 */
export function withDevShop(): { server: DevServer; browser: Browser } {
  const env = {} as { server: DevServer; browser: Browser }
  beforeAll(async () => {
    env.server = await startDevServer()
    env.browser = await launchBrowser()
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.server?.stop()
  })
  return env
}

/** Taro's h5 router keeps earlier pages in the DOM, hidden: match only what is on screen. */
export function onScreen(page: Page, text: string, options: { exact?: boolean } = {}) {
  return page.getByText(text, options).filter({ visible: true }).first()
}

/** Signs in to the console as the seeded operator and waits for its home page. */
export async function signInToConsole(page: Page, server: DevServer): Promise<void> {
  await page.goto(`${server.url}/console/`)
  await page.getByLabel('用户名').fill('admin')
  await page.getByLabel('密码').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('menuitem', { name: '数据概览' }).waitFor()
}

/**
 * Picks the product `title` in the open dialog's 商品 select by typing its name and Enter, as an
 * operator would in a long list: a mouse click on the option as the dropdown opens was once lost
 * under load, and the price was then checked against no product.
 */
export async function pickProduct(page: Page, title: string): Promise<void> {
  const box = page.getByRole('dialog').getByRole('combobox', { name: '商品' })
  await box.click()
  await box.fill(title)
  await page.locator('.ant-select-item-option-active').filter({ hasText: title }).waitFor()
  await box.press('Enter')
}
