/**
 * The local cloud's core: one database, the pay simulator, and `invoke`, which runs a function
 * the way the cloud does (deps built per call, identity from the caller's context).
 */
import type { AppConfig } from '../core/config'
import { handle, respond, type CloudFunction } from '../platform/function'
import { createLocalDb, type LocalDb } from '../platform/local/db'
import { LocalFileStore } from '../platform/local/files'
import { LocalPayment } from '../platform/local/payment'
import { LocalOpenData } from '../platform/local/openData'
import { LocalOutbox } from '../platform/local/outbox'
import type { Context, Deps, Logger } from '../platform/ports'
import { findFunction } from './functions'

export const LOCAL_APPID = 'wx-local'

export interface LocalCloud {
  db: LocalDb
  pay: LocalPayment
  config: AppConfig
  now(): number
  /** Runs `fn` with this caller; resolves to exactly what the caller receives. */
  invoke(fn: CloudFunction, event: unknown, ctx: Context): Promise<unknown>
  close(): void
}

export interface LocalCloudOptions {
  /** The SQLite file (created if missing). */
  dbFile: string
  config: AppConfig
  /** Where uploaded files go (served by the gateway at /files/); without it uploads are refused. */
  filesDir?: string
  now?: () => number
  log?: Logger
}

/** Errors to stderr; info only when `LOG_LEVEL=info` (the gateway stays quiet per request). */
export function consoleLogger(verbose = process.env.LOG_LEVEL === 'info'): Logger {
  return {
    info: (message, fields) => {
      if (verbose) console.log(JSON.stringify({ level: 'info', message, ...fields }))
    },
    error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
  }
}

export function userContext(openid: string, source = 'wx_client', clientIp = '127.0.0.1'): Context {
  return { openid, appid: LOCAL_APPID, clientIp, source }
}

export function createLocalCloud(options: LocalCloudOptions): LocalCloud {
  const db = createLocalDb(options.dbFile, { backgroundCheckpoints: true })
  const now = options.now ?? Date.now
  const log = options.log ?? consoleLogger()
  const { config } = options
  const openData = new LocalOpenData()
  const files = options.filesDir ? new LocalFileStore(options.filesDir) : undefined
  const subscribe = new LocalOutbox({ db, now })

  const invoke = async (fn: CloudFunction, event: unknown, ctx: Context): Promise<unknown> => {
    const deps: Deps = { db, ctx, pay, log, config, now, openData, subscribe, files }
    return respond(fn, await handle(fn, event, deps))
  }

  const pay: LocalPayment = new LocalPayment({
    db,
    now,
    invokePayNotify: (event) => {
      const payNotify = findFunction('payNotify')
      if (!payNotify) throw new Error('payNotify is not deployed')
      return invoke(payNotify, event, userContext('', 'wx_paycallback'))
    },
  })

  return { db, pay, config, now, invoke, close: () => db.close() }
}
