/**
 * WAL checkpoints off the main thread. With `synchronous = NORMAL`, SQLite fsyncs the database
 * file at every checkpoint; an automatic checkpoint runs inside whichever commit crosses the WAL
 * threshold, so on the gateway's single thread every request waits for that fsync (milliseconds
 * on a virtual disk, several times a second under load). A worker thread with its own connection
 * checkpoints instead (PASSIVE: it never blocks the writer), and the main connection turns its
 * automatic checkpoints off. Durability is unchanged: commits still reach the WAL as before.
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
parentPort.on('message', () => {
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort.postMessage('closed')
})
`

export interface Checkpointer {
  /** Stops checkpointing; the worker runs a last checkpoint and closes its connection. */
  stop(): void
}

/** Checkpoints `file` every `everyMs` from a worker thread. */
export function startCheckpointer(file: string, everyMs = 250): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, everyMs, driver: require.resolve('better-sqlite3') },
  })
  // Never keeps the process alive; a process that exits without `stop` leaves a WAL that the
  // next open replays, as after any crash.
  worker.unref()
  worker.on('error', (error) => console.error(JSON.stringify({ level: 'error', message: 'WAL checkpointer failed', error: String(error) })))
  worker.on('message', () => void worker.terminate())
  return { stop: () => worker.postMessage('stop') }
}
