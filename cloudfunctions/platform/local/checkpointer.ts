/**
 * WAL checkpoints off the main thread. With `synchronous = NORMAL`, SQLite fsyncs the database
 * file at every checkpoint; an automatic checkpoint runs inside whichever commit crosses the WAL
 * threshold, so on the gateway's single thread every request waits for that fsync (milliseconds
 * on a virtual disk, several times a second under load). A worker thread with its own connection
 * checkpoints instead (PASSIVE: it never blocks the writer, and it never makes the writer's
 * commits wait for it, which RESTART or TRUNCATE would), and the main connection turns its
 * automatic checkpoints off. Durability is unchanged: commits still reach the WAL as before.
 * The WAL starts over once a checkpoint has caught up with it between two commits, so under
 * writes without a pause it grows until the pause. Should the worker fail, its owner is told so
 * that it can checkpoint for itself again (a WAL that is never checkpointed grows forever).
 * `stop` waits (briefly, blocking) until the worker has closed its connection, so the owner's own
 * close is the last one: it checkpoints and removes the WAL before returning, and nothing touches
 * the files after that (a test may delete them at once).
 */
import { Worker } from 'node:worker_threads'

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { timeout: 1000 })
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch { /* busy: the next tick tries again */ }
}
const timer = setInterval(checkpoint, workerData.everyMs)
const closed = new Int32Array(workerData.closed)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  Atomics.store(closed, 0, 1)
  Atomics.notify(closed, 0)
})
`

/** How long `stop` waits for the worker to close its connection. */
const STOP_WAIT_MS = 2_000

export interface Checkpointer {
  /** Stops checkpointing; returns once the worker has closed its connection. */
  stop(): void
}

export interface CheckpointerOptions {
  /**
   * Default 1000. A page written again between two checkpoints is copied to the database once,
   * so under a burst of orders (the sale's page, the claims' and the orders' pages written in
   * every commit) a longer interval copies far less: measured with `npm run bench:flash`, the
   * checkpointer's CPU per order fell from ~20 µs at 250 ms to ~6 µs at 1 s.
   */
  everyMs?: number
  /** Called once if the worker fails or exits before `stop`. */
  onFailure?(error: Error): void
  /** The SQLite driver the worker loads (default better-sqlite3; tests point it elsewhere). */
  driver?: string
}

/** Checkpoints `file` every `everyMs` from a worker thread. */
export function startCheckpointer(file: string, options: CheckpointerOptions = {}): Checkpointer {
  const closed = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file,
      everyMs: options.everyMs ?? 1_000,
      driver: options.driver ?? require.resolve('better-sqlite3'),
      closed: closed.buffer,
    },
  })
  // Never keeps the process alive; a process that exits without `stop` leaves a WAL that the
  // next open replays, as after any crash.
  worker.unref()
  let done = false
  const fail = (error: Error): void => {
    if (done) return
    done = true
    console.error(JSON.stringify({ level: 'error', message: 'WAL checkpointer failed', error: String(error) }))
    options.onFailure?.(error)
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`the checkpointer exited (code ${code})`)))
  return {
    stop: () => {
      if (done) return
      done = true
      worker.postMessage('stop')
      // The worker runs on its own event loop, so it answers while this thread waits.
      Atomics.wait(closed, 0, 0, STOP_WAIT_MS)
      void worker.terminate()
    },
  }
}
