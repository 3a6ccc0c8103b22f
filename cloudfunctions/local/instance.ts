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
import { fail } from '../core/errors'
import { createLocalCloud, userContext } from './cloud'
import { findFunction } from './functions'
import { CALL_SLOTS, PAY_SIMULATE, type AnswerBatch, type CallBatch, type InstanceData, type ToInstance } from './instanceProtocol'

const port = parentPort
if (!port) throw new Error('instance.ts runs as a worker thread (see instanceHost.ts)')
const { dbFile, filesDir, config } = workerData as InstanceData
const cloud = createLocalCloud({ dbFile, filesDir, config })

/** Batches taken so far; every answer batch carries it (see instanceHost.ts). */
let taken = 0
let answers: AnswerBatch = [0]
let flushScheduled = false

const flush = (): void => {
  flushScheduled = false
  answers[0] = taken
  port.postMessage(answers)
  answers = [0]
}

/** Answers, and the count of batches taken, leave once per turn, after the turn's work. */
function scheduleFlush(): void {
  if (!flushScheduled) {
    flushScheduled = true
    nextTurn(flush)
  }
}

function answer(id: number, status: number, body: unknown): void {
  answers.push(id, status, JSON.stringify(body))
  scheduleFlush()
}

/** The event in a request body: undefined when empty, null when it is not JSON. */
function parseEvent(body: string): { event: unknown } | null {
  if (body.trim() === '') return { event: undefined }
  try {
    return { event: JSON.parse(body) }
  } catch {
    return null
  }
}

/** An answer for a call that threw past `handle` (which answers INTERNAL for the function's own throws). */
function internalError(id: number): (error: unknown) => void {
  return (error) => {
    console.error(JSON.stringify({ level: 'error', message: 'local cloud instance error', error: error instanceof Error ? error.stack : String(error) }))
    answer(id, 500, fail('INTERNAL'))
  }
}

/** The h5 pay sheet's confirm: the prepaid order's payment completes (null when there is none). */
async function paySimulate(outTradeNo: string): Promise<unknown> {
  if (!(await cloud.pay.queryOrder(outTradeNo))) return null
  return cloud.pay.complete(outTradeNo)
}

function call(batch: CallBatch, at: number): void {
  const id = batch[at] as number
  const name = batch[at + 1] as string
  const body = batch[at + 2] as string
  if (name === PAY_SIMULATE) {
    paySimulate(body).then((result) => answer(id, 200, result), internalError(id))
    return
  }
  const fn = findFunction(name)
  if (!fn) return answer(id, 404, fail('NOT_FOUND', `没有名为 ${name} 的云函数`))
  const parsed = parseEvent(body)
  if (!parsed) return answer(id, 400, fail('INVALID_INPUT', '请求体不是有效的 JSON'))
  const ctx = userContext(batch[at + 3] as string, batch[at + 4] as string, batch[at + 5] as string)
  cloud.invoke(fn, parsed.event, ctx).then((result) => answer(id, 200, result), internalError(id))
}

/**
 * Calls started per turn. A batch can hold a call from every connection at once (200 in
 * `bench:flash`). Started together, a crowd's orders pass each step of the order path together
 * (the reads, then one group commit per write) and are answered together, while the gateway and
 * the clients wait; then they all come back at once: one wave, with one thread busy at a time.
 * Started fifty a turn, they reach the group commits in groups a turn apart. In interleaved runs
 * of `bench:flash`, the ratio to the no-op ceiling went from 0.37-0.42 (all at once) to 0.40-0.54
 * (32-64 a turn). The groups still partly merge (a trace of a sale: the first two share their
 * first commit, and answers wait behind the next turn's commit), so a batch's answers mostly
 * leave together, 120-160 at a time; keeping them apart made the flow smooth but did not raise
 * orders/s (see scripts/bench-flash.ts).
 */
const STARTS_PER_TURN = 50

/** The batch being started, and the offset of its next call. */
let starting: CallBatch | null = null
let nextCall = 0

/** Starts the next calls of the batch; taking it is acknowledged once its last call has started. */
function startCalls(): void {
  const batch = starting as CallBatch
  const end = Math.min(batch.length, nextCall + STARTS_PER_TURN * CALL_SLOTS)
  for (; nextCall < end; nextCall += CALL_SLOTS) call(batch, nextCall)
  if (nextCall < batch.length) {
    nextTurn(startCalls)
    return
  }
  starting = null
  // The gateway sends the next batch only now (see instanceHost.ts), so calls that arrive
  // meanwhile wait there and go together; the answers so far leave with the acknowledgement.
  // Taken means started, not answered: a slow call never holds up the calls behind it.
  taken += 1
  scheduleFlush()
}

port.on('message', (message: ToInstance) => {
  if (message === 'close') {
    flush()
    cloud.close()
    port.close()
    return
  }
  if (starting) throw new Error('a call batch came before the last one was taken')
  starting = message
  nextCall = 0
  startCalls()
})

port.postMessage('ready')
