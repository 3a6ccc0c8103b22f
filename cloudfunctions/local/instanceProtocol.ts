/**
 * What the gateway thread (instanceHost.ts) and the function instance thread (instance.ts) say to
 * each other. Batches travel as flat arrays of strings and numbers: the structured clone between
 * threads writes every property name of every object again, so calls and answers as objects cost
 * several times more to send than their values alone.
 */
import type { AppConfig } from '../core/config'

/** Given to the instance when it starts. */
export interface InstanceData {
  dbFile: string
  filesDir?: string
  config: AppConfig
}

/**
 * A turn's calls, `CALL_SLOTS` values each: id, function, body (the request's JSON text), and the
 * caller's openid, source and client IP. The h5 pay sheet's confirm is the function
 * `PAY_SIMULATE` with the order id as its body (it answers null when the order was never prepaid).
 */
export type CallBatch = Array<string | number>
export const CALL_SLOTS = 6
/** Not a function name (those are identifiers), so no function can be called by it. */
export const PAY_SIMULATE = '#paySimulate'

/** How many call batches the instance has taken so far, then `ANSWER_SLOTS` values per answer: id, HTTP status, body (JSON text). */
export type AnswerBatch = Array<string | number>
export const ANSWER_SLOTS = 3

/** The gateway sends call batches, then 'close'; the instance sends 'ready', then answer batches. */
export type ToInstance = CallBatch | 'close'
export type FromInstance = AnswerBatch | 'ready'

/** An HTTP status and the JSON text of the body. */
export interface Answer {
  status: number
  body: string
}
