/** What the gateway thread and the function instance thread (instance.ts) say to each other. */
import type { AppConfig } from '../core/config'
import type { Context } from '../platform/ports'

/** Given to the instance when it starts. */
export interface InstanceData {
  dbFile: string
  filesDir?: string
  config: AppConfig
}

export type Call =
  /** A function call: `body` is the request's JSON text, parsed by the instance. */
  | { id: number; kind: 'invoke'; fn: string; body: string; ctx: Context }
  /** The h5 pay sheet's confirm (answers null when the order was never prepaid). */
  | { id: number; kind: 'paySimulate'; outTradeNo: string }

/** An HTTP status and the JSON text of the body. */
export interface Answer {
  id: number
  status: number
  body: string
}

/** The gateway sends a turn's calls, or 'close'; the instance sends 'ready', then a turn's answers. */
export type ToInstance = Call[] | 'close'
export type FromInstance = Answer[] | 'ready'
