/**
 * The gateway's side of the function instance (instance.ts): starts its thread, forwards calls
 * and hands each answer back. Calls go in batches with one batch in flight: the calls that arrive
 * while the instance is taking a batch go together as the next one, so under load batches grow
 * and messages between the threads stay few, while a lone call goes at once. Should the instance
 * die, the calls it held are answered INTERNAL and a new instance starts, as the cloud replaces a
 * crashed one.
 */
import path from 'node:path'
import { setImmediate as nextTurn } from 'node:timers'
import { Worker } from 'node:worker_threads'
import { fail } from '../core/errors'
import type { Context } from '../platform/ports'
import { ANSWER_SLOTS, PAY_SIMULATE, type Answer, type CallBatch, type FromInstance, type InstanceData, type ToInstance } from './instanceProtocol'

/** The instance runs from TypeScript sources, as the rest of the local cloud does (tsx). */
const BOOT = `
const { workerData } = require('node:worker_threads')
require(workerData.tsx)
require(workerData.entry)
`

/** How long `close` waits for the instance to finish its commits and close the database. */
const CLOSE_WAIT_MS = 5_000

export interface FunctionInstance {
  /** Runs function `fn` on the request's JSON text; the answer's status and JSON text. */
  invoke(fn: string, body: string, ctx: Context): Promise<Answer>
  /** The h5 pay sheet's confirm; the answer's body is `null` when the order was never prepaid. */
  paySimulate(outTradeNo: string): Promise<Answer>
  close(): Promise<void>
}

export interface InstanceOptions {
  /** The thread's module (default instance.ts); tests give one that misbehaves on purpose. */
  entry?: string
}

const INTERNAL: Answer = { status: 500, body: JSON.stringify(fail('INTERNAL')) }

function spawn(data: InstanceData, entry: string): Worker {
  return new Worker(BOOT, { eval: true, workerData: { ...data, tsx: require.resolve('tsx/cjs'), entry } })
}

/** Starts the instance; resolves once it has opened the database. */
export async function startInstance(data: InstanceData, options: InstanceOptions = {}): Promise<FunctionInstance> {
  const entry = options.entry ?? path.join(__dirname, 'instance.ts')
  const pending = new Map<number, (answer: Answer) => void>()
  let lastId = 0
  let queue: CallBatch = []
  let flushScheduled = false
  let closing = false
  let worker: Worker
  let ready = false
  /** Batches sent to the current instance, and taken by it (as its last answer batch said). */
  let sent = 0
  let taken = 0

  const flush = (): void => {
    flushScheduled = false
    if (!ready || queue.length === 0 || sent > taken) return
    const batch: ToInstance = queue
    queue = []
    sent += 1
    worker.postMessage(batch)
  }

  const start = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const current = spawn(data, entry)
      worker = current
      ready = false
      sent = 0
      taken = 0
      current.on('message', (message: FromInstance) => {
        if (message === 'ready') {
          ready = true
          resolve()
          flush()
          return
        }
        taken = message[0] as number
        for (let at = 1; at < message.length; at += ANSWER_SLOTS) {
          const id = message[at] as number
          const settle = pending.get(id)
          pending.delete(id)
          settle?.({ status: message[at + 1] as number, body: message[at + 2] as string })
        }
        flush()
      })
      current.on('error', (error) => {
        console.error(JSON.stringify({ level: 'error', message: 'local cloud instance failed', error: error.stack ?? String(error) }))
      })
      current.on('exit', (code) => {
        const wasReady = ready
        ready = false
        // Calls sent to this instance will never be answered by it.
        for (const settle of pending.values()) settle(INTERNAL)
        pending.clear()
        queue = []
        if (!wasReady) return reject(new Error(`the local cloud instance exited while starting (code ${code})`))
        if (!closing) start().catch((error: unknown) => console.error(String(error)))
      })
    })

  const send = (fn: string, body: string, openid: string, source: string, clientIp: string): Promise<Answer> => {
    if (closing) return Promise.resolve(INTERNAL)
    const id = ++lastId
    return new Promise((resolve) => {
      pending.set(id, resolve)
      queue.push(id, fn, body, openid, source, clientIp)
      if (!flushScheduled) {
        flushScheduled = true
        nextTurn(flush)
      }
    })
  }

  await start()
  return {
    invoke: (fn, body, ctx) => send(fn, body, ctx.openid, ctx.source, ctx.clientIp),
    paySimulate: (outTradeNo) => send(PAY_SIMULATE, outTradeNo, '', 'wx_client', ''),
    async close() {
      if (closing) return
      closing = true
      if (!ready) {
        await worker.terminate()
        return
      }
      const exited = new Promise((resolve) => worker.once('exit', resolve))
      flush()
      worker.postMessage('close' satisfies ToInstance)
      const timer = setTimeout(() => void worker.terminate(), CLOSE_WAIT_MS)
      await exited
      clearTimeout(timer)
    },
  }
}
