/**
 * The part of autocannon's API that scripts/bench-flash.ts uses (autocannon 8 ships no types).
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  namespace autocannon {
    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string | Buffer
      /** Called before each request on a connection; returns the request to send. */
      setupRequest?: (req: Request, context: Record<string, unknown>) => Request
      /** Called with each response to this request. */
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void
    }

    interface Options {
      url: string
      connections?: number
      duration?: number
      amount?: number
      pipelining?: number
      timeout?: number
      requests?: Request[]
    }

    interface Histogram {
      average: number
      mean: number
      stddev: number
      min: number
      max: number
      p50: number
      p90: number
      p99: number
      total: number
    }

    interface Result {
      requests: Histogram
      latency: Histogram
      throughput: Histogram
      errors: number
      timeouts: number
      non2xx: number
      duration: number
    }

    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void
      on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this
      on(event: string, listener: (...args: unknown[]) => void): this
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance
  export = autocannon
}
