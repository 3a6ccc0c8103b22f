/**
 * A throwaway local cloud for function tests: the real SQLite adapter on a fresh temp file, a
 * clock the test controls, and the local pay simulator wired to the real `payNotify`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defaultConfig, type AppConfig } from '../../cloudfunctions/core/config'
import type { Result } from '../../cloudfunctions/core/errors'
import { handle, respond, type CloudFunction } from '../../cloudfunctions/platform/function'
import type { Context, Db, Deps, Logger } from '../../cloudfunctions/platform/ports'
import { createLocalDb } from '../../cloudfunctions/platform/local/db'
import { LocalOutbox } from '../../cloudfunctions/platform/local/outbox'
import { LocalPayment } from '../../cloudfunctions/platform/local/payment'
import { LocalOpenData } from '../../cloudfunctions/platform/local/openData'
import payNotify from '../../cloudfunctions/payNotify/function'

/** 2026-11-18T10:00:00+08:00, a Wednesday morning in China. */
export const TEST_START_MS = Date.parse('2026-11-18T10:00:00+08:00')

export interface TestClock {
  now(): number
  set(ms: number): void
  advance(ms: number): void
}

export interface LoggedError {
  message: string
  fields?: Record<string, unknown>
}

export interface CallAs {
  /** Default '' (no user), as the gateway does without `X-Wx-Openid`. */
  openid?: string
  /** Default 'wx_client'. */
  source?: string
}

export interface TestCloud {
  db: Db
  clock: TestClock
  config: AppConfig
  /** Calls a function the way the local gateway does (source 'wx_client'), identity from `as`. */
  call(fn: CloudFunction, event: object, as?: CallAs): Promise<any>
  pay: LocalPayment
  /** The Deps a call with this identity gets, for calling services directly. */
  deps(as?: CallAs): Deps
  /** What functions logged with `log.error`, collected silently. */
  errors: LoggedError[]
  close(): void
}

export function createTestCloud(options: { config?: Partial<AppConfig> } = {}): TestCloud {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyou-test-'))
  const db = createLocalDb(path.join(dir, 'test.db'))
  let nowMs = TEST_START_MS
  const clock: TestClock = {
    now: () => nowMs,
    set: (ms) => {
      nowMs = ms
    },
    advance: (ms) => {
      nowMs += ms
    },
  }
  const config: AppConfig = { ...defaultConfig, ...options.config }
  const errors: LoggedError[] = []
  const subscribe = new LocalOutbox({ db, now: clock.now })
  const openData = new LocalOpenData()
  const log: Logger = {
    info: () => undefined,
    error: (message, fields) => {
      errors.push({ message, fields })
    },
  }

  const deps = (as: CallAs = {}): Deps => {
    const ctx: Context = {
      openid: as.openid ?? '',
      appid: 'wx-local',
      clientIp: '127.0.0.1',
      source: as.source ?? 'wx_client',
    }
    return { db, ctx, pay, log, config, now: clock.now, openData, subscribe }
  }

  const pay: LocalPayment = new LocalPayment({
    db,
    now: clock.now,
    invokePayNotify: async (event) =>
      respond(payNotify, await handle(payNotify, event, deps({ source: 'wx_paycallback' }))),
  })

  return {
    db,
    clock,
    config,
    call: (fn, event, as): Promise<Result<unknown>> => handle(fn, event, deps(as)),
    pay,
    deps,
    errors,
    close() {
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
