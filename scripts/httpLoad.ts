/**
 * The benchmarks' load generator: `connections` keep-alive HTTP/1.1 connections to one server,
 * each sending its next request as soon as the answer to the last one is in (no pipelining), for
 * a given time. Requests are bytes built before the run; answers are read just far enough to hand
 * over their status and body. It shares the machine's two cores with the server it measures, so
 * it is kept lean: autocannon, used before, spent 45-90 µs of CPU per request here and pegged a
 * core in the no-op window, so the "gateway's ceiling" it measured was its own.
 */
import net from 'node:net'
import { performance } from 'node:perf_hooks'

/** A request as sent: method, path, headers and body, already encoded. */
export type RawRequest = Buffer

export function rawRequest(method: string, url: URL, headers: Record<string, string>, body: string): RawRequest {
  const bodyBytes = Buffer.from(body, 'utf8')
  const lines = [`${method} ${url.pathname} HTTP/1.1`, `host: ${url.host}`, `content-length: ${bodyBytes.length}`]
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bodyBytes])
}

export interface LoadOptions {
  url: URL
  connections: number
  seconds: number
  /** The next request to send. */
  next(): RawRequest
  /** Called once per answer, as it completes. */
  onAnswer(status: number, body: string, latencyMs: number): void
}

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1')
const CONTENT_LENGTH = /\r\ncontent-length: *(\d+)/i
/** How long the run waits for the answers still on their way when its time is up. */
const DRAIN_MS = 10_000

/** One answer parsed off the front of `data`: its status, body and length in bytes, or null if incomplete. */
export function parseAnswer(data: Buffer): { status: number; body: string; bytes: number } | null {
  const headerEnd = data.indexOf(HEADER_END)
  if (headerEnd < 0) return null
  const head = data.toString('latin1', 0, headerEnd)
  const length = CONTENT_LENGTH.exec(head)
  if (!length) throw new Error(`an answer without content-length: ${head.split('\r\n')[0]}`)
  const bytes = headerEnd + HEADER_END.length + Number(length[1])
  if (data.length < bytes) return null
  return { status: Number(head.slice(9, 12)), body: data.toString('utf8', headerEnd + HEADER_END.length, bytes), bytes }
}

/** Runs the load; resolves when its time is up and every answer sent for has come in. */
export function runLoad(options: LoadOptions): Promise<void> {
  const stopAt = performance.now() + options.seconds * 1000
  return new Promise((resolve, reject) => {
    let open = options.connections
    let failed = false
    const sockets: net.Socket[] = []
    const fail = (error: Error) => {
      if (failed) return
      failed = true
      clearTimeout(deadline)
      for (const socket of sockets) socket.destroy()
      reject(error)
    }
    const deadline = setTimeout(() => fail(new Error('answers still missing long after the run')), options.seconds * 1000 + DRAIN_MS)
    for (let c = 0; c < options.connections; c++) {
      const socket = net.connect({ host: options.url.hostname, port: Number(options.url.port), noDelay: true })
      sockets.push(socket)
      let pending: Buffer | null = null
      let sentAt = 0
      let done = false
      const send = () => {
        if (performance.now() >= stopAt) {
          done = true
          socket.end()
          return
        }
        sentAt = performance.now()
        socket.write(options.next())
      }
      socket.on('connect', send)
      socket.on('data', (chunk: Buffer) => {
        pending = pending ? Buffer.concat([pending, chunk]) : chunk
        let answer: ReturnType<typeof parseAnswer>
        try {
          answer = parseAnswer(pending)
        } catch (error) {
          return fail(error as Error)
        }
        if (!answer) return
        if (answer.bytes !== pending.length) return fail(new Error('an answer came that was not asked for'))
        pending = null
        options.onAnswer(answer.status, answer.body, performance.now() - sentAt)
        send()
      })
      socket.on('error', fail)
      socket.on('close', () => {
        if (!done) return fail(new Error('the server closed a connection during the run'))
        open -= 1
        if (open === 0 && !failed) {
          clearTimeout(deadline)
          resolve()
        }
      })
    }
  })
}
