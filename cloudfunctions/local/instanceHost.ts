/**
 * The gateway's side of the function instance (instance.ts): starts its thread, forwards calls
 * (a turn's calls in one message) and hands each answer back. Should the instance die, the calls
 * it held are answered INTERNAL and a new instance starts, as the cloud replaces a crashed one.
 */
import path from 'node:path'
import { setImmediate as nextTurn } from 'node:timers'
import { Worker } from 'node:worker_threads'
import { errorMessages } from '../core/errors'
import type { Context } from '../platform/ports'
import type { Answer, Call, FromInstance, InstanceData, ToInstance } from './instanceProtocol'

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

type Request = { kind: 'invoke'; fn: string; body: string; ctx: Context } | { kind: 'paySimulate'; outTradeNo: string }

const internal = (id: number): Answer => ({
  id,
  status: 500,
  body: JSON.stringify({ ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL }),
})

export interface InstanceOptions {
  /** The thread's module (default instance.ts); tests give one that misbehaves on purpose. */
  entry?: string
}

function spawn(data: InstanceData, entry: string): Worker {
  return new Worker(BOOT, { eval: true, workerData: { ...data, tsx: require.resolve('tsx/cjs'), entry } })
}

/** Starts the instance; resolves once it has opened the database. */
export async function startInstance(data: InstanceData, options: InstanceOptions = {}): Promise<FunctionInstance> {
  const entry = options.entry ?? path.join(__dirname, 'instance.ts')
  const pending = new Map<number, (answer: Answer) => void>()
  let lastId = 0
  let queue: Call[] = []
  let flushScheduled = false
  let closing = false
  let worker: Worker
  let ready = false

  const flush = (): void => {
    flushScheduled = false
    if (!ready || queue.length === 0) return
    const batch: ToInstance = queue
    queue = []
    worker.postMessage(batch)
  }

  const start = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const current = spawn(data, entry)
      worker = current
      ready = false
      current.on('message', (message: FromInstance) => {
        if (message === 'ready') {
          ready = true
          resolve()
          flush()
          return
        }
        for (const answer of message) {
          const settle = pending.get(answer.id)
          pending.delete(answer.id)
          settle?.(answer)
        }
      })
      current.on('error', (error) => {
        console.error(JSON.stringify({ level: 'error', message: 'local cloud instance failed', error: error.stack ?? String(error) }))
      })
      current.on('exit', (code) => {
        const wasReady = ready
        ready = false
        // Calls sent to this instance will never be answered by it.
        for (const [id, settle] of pending) settle(internal(id))
        pending.clear()
        if (!wasReady) return reject(new Error(`the local cloud instance exited while starting (code ${code})`))
        if (!closing) start().catch((error: unknown) => console.error(String(error)))
      })
    })

  const send = (request: Request): Promise<Answer> => {
    if (closing) return Promise.resolve(internal(0))
    const id = ++lastId
    return new Promise((resolve) => {
      pending.set(id, resolve)
      queue.push({ id, ...request })
      if (!flushScheduled) {
        flushScheduled = true
        nextTurn(flush)
      }
    })
  }

  await start()
  return {
    invoke: (fn, body, ctx) => send({ kind: 'invoke', fn, body, ctx }),
    paySimulate: (outTradeNo) => send({ kind: 'paySimulate', outTradeNo }),
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
