/**
 * The local cloud's function instance, in a thread of its own (started by instanceHost.ts): it
 * hosts every function over the SQLite file and answers the gateway's calls. On WeChat's cloud the
 * gateway and the function instances are separate machines; here they are separate threads, so
 * HTTP and the functions' work run side by side on two cores instead of taking turns on one.
 * Calls arrive and answers leave in batches, one message per event-loop turn each way, and both
 * carry JSON text: the gateway never parses a request body or serialises an answer itself.
 */
import { setImmediate as nextTurn } from 'node:timers'
import { parentPort, workerData } from 'node:worker_threads'
import { errorMessages } from '../core/errors'
import { createLocalCloud } from './cloud'
import { findFunction } from './functions'
import type { Answer, Call, InstanceData, ToInstance } from './instanceProtocol'

const port = parentPort
if (!port) throw new Error('instance.ts runs as a worker thread (see instanceHost.ts)')
const { dbFile, filesDir, config } = workerData as InstanceData
const cloud = createLocalCloud({ dbFile, filesDir, config })

let answers: Answer[] = []
let flushScheduled = false

const flush = (): void => {
  flushScheduled = false
  const batch = answers
  answers = []
  port.postMessage(batch)
}

function answer(id: number, status: number, body: unknown): void {
  answers.push({ id, status, body: JSON.stringify(body) })
  if (!flushScheduled) {
    flushScheduled = true
    nextTurn(flush)
  }
}

const failure = (code: 'INVALID_INPUT' | 'NOT_FOUND', message: string) => ({ ok: false, code, message })

/** The event in a request body: undefined when empty, null when it is not JSON. */
function parseEvent(body: string): { event: unknown } | null {
  if (body.trim() === '') return { event: undefined }
  try {
    return { event: JSON.parse(body) }
  } catch {
    return null
  }
}

function invoke(call: Extract<Call, { kind: 'invoke' }>): void {
  const fn = findFunction(call.fn)
  if (!fn) return answer(call.id, 404, failure('NOT_FOUND', `没有名为 ${call.fn} 的云函数`))
  const parsed = parseEvent(call.body)
  if (!parsed) return answer(call.id, 400, failure('INVALID_INPUT', '请求体不是有效的 JSON'))
  cloud.invoke(fn, parsed.event, call.ctx).then((result) => answer(call.id, 200, result), internalError(call.id))
}

/** An answer for a call that threw past `handle` (which answers INTERNAL for the function's own throws). */
function internalError(id: number): (error: unknown) => void {
  return (error) => {
    console.error(JSON.stringify({ level: 'error', message: 'local cloud instance error', error: error instanceof Error ? error.stack : String(error) }))
    answer(id, 500, { ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL })
  }
}

/** The h5 pay sheet's confirm: the prepaid order's payment completes (null when there is none). */
async function paySimulate(outTradeNo: string): Promise<unknown> {
  if (!(await cloud.pay.queryOrder(outTradeNo))) return null
  return cloud.pay.complete(outTradeNo)
}

port.on('message', (message: ToInstance) => {
  if (message === 'close') {
    flush()
    cloud.close()
    port.close()
    return
  }
  for (const call of message) {
    if (call.kind === 'invoke') invoke(call)
    else {
      paySimulate(call.outTradeNo).then((result) => answer(call.id, 200, result), internalError(call.id))
    }
  }
})

port.postMessage('ready')
