/**
 * `npm start`: the local cloud. One process on a loopback address: the gateway (HTTP, the h5 shop
 * and the console) on the main thread, every function in an instance thread over
 * `.data/qunyou.db`; it seeds a demo shop on first start and runs the `cron` function on its
 * timer trigger.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { AppConfig } from '../core/config'
import { configFromEnv } from '../platform/wechat/config'
import { createLocalDb, type LocalDb } from '../platform/local/db'
import { startInstance } from './instanceHost'
import { startScheduler, type TimerTrigger } from './scheduler'
import { seedIfFirstStart, type SeedResult } from './seed'
import { createGateway } from './server'

export const ROOT = path.resolve(__dirname, '..', '..')
export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 8080

/** The dev gateway trusts a header for identity, so it must never be reachable from outside. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

export class NotLoopbackError extends Error {
  constructor(host: string) {
    super(
      `Refusing to listen on ${host}: the local cloud takes identity from the X-Wx-Openid header, ` +
        `so it only binds to a loopback address (127.0.0.1, localhost or ::1). Unset HOST or use 127.0.0.1.`,
    )
    this.name = 'NotLoopbackError'
  }
}

export interface StartOptions {
  host?: string
  /** 0 picks a free port. */
  port?: number
  /** Where `qunyou.db` and uploaded files live (default `<repo>/.data`). */
  dataDir?: string
  config?: AppConfig
  /** Run `cron` on its timer trigger (default true). */
  scheduler?: boolean
  /** Print the addresses and first-start notes (default true). */
  announce?: boolean
}

export interface RunningCloud {
  url: string
  /** The gateway's own connection to the database (the functions have theirs). */
  db: LocalDb
  seed: SeedResult
  close(): Promise<void>
}

function timerTriggers(): TimerTrigger[] {
  const file = path.join(ROOT, 'cloudfunctions/cron/config.json')
  if (!fs.existsSync(file)) return []
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: TimerTrigger[] }
  return parsed.triggers ?? []
}

export async function startLocalCloud(options: StartOptions = {}): Promise<RunningCloud> {
  const host = options.host ?? DEFAULT_HOST
  if (!isLoopbackHost(host)) throw new NotLoopbackError(host)
  const dataDir = path.resolve(options.dataDir ?? path.join(ROOT, '.data'))
  fs.mkdirSync(dataDir, { recursive: true })
  const config = options.config ?? configFromEnv(process.env)

  const filesDir = path.join(dataDir, 'files')
  const dbFile = path.join(dataDir, 'qunyou.db')
  const db = createLocalDb(dbFile)
  const seed = await seedIfFirstStart(db, { now: Date.now(), adminPassword: config.adminPassword })
  const functions = await startInstance({ dbFile, filesDir, config })
  const app = await createGateway({
    functions,
    db,
    h5Dir: path.join(ROOT, 'dist/h5'),
    consoleDir: path.join(ROOT, 'dist/console'),
    filesDir,
    seedImagesDir: path.join(__dirname, 'seed/images'),
  })
  let address: string
  try {
    address = await app.listen({ host, port: options.port ?? DEFAULT_PORT })
  } catch (error) {
    await functions.close()
    db.close()
    throw error
  }
  const scheduler = options.scheduler !== false ? startScheduler(functions, timerTriggers()) : undefined
  const url = address.replace('[::1]', 'localhost')

  if (options.announce !== false) {
    console.log(`\n群友 Qunyou · 本地云 (local cloud)\n  商城 shop:       ${url}/\n  运营后台 console: ${url}/console/\n`)
    if (seed.seeded) {
      console.log(`  First start: seeded a demo shop into ${path.join(dataDir, 'qunyou.db')}`)
      if (seed.generatedPassword) {
        console.log(`  Operator login: admin / ${seed.generatedPassword}  (shown once; set ADMIN_PASSWORD to choose it)\n`)
      } else {
        console.log('  Operator login: admin / the password in ADMIN_PASSWORD\n')
      }
    }
  }

  let closed = false
  return {
    url,
    db,
    seed,
    async close() {
      if (closed) return
      closed = true
      scheduler?.stop()
      await app.close()
      await functions.close()
      db.close()
    },
  }
}

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${value}"`)
  return port
}

/** Starts from the environment (HOST, PORT, DATA_DIR, ADMIN_PASSWORD, ORDER_TTL_MS) and stops on SIGINT/SIGTERM. */
export async function runFromEnv(): Promise<void> {
  let running: RunningCloud
  try {
    running = await startLocalCloud({
      host: process.env.HOST || DEFAULT_HOST,
      port: portFromEnv(process.env.PORT),
      dataDir: process.env.DATA_DIR || undefined,
    })
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
  const stop = () => {
    running.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (require.main === module) void runFromEnv()
