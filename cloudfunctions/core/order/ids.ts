/**
 * Order ids are derived from the buyer and the client's requestId, so a replayed create lands on
 * the same document. The id is a hash: clients see order ids, and it must not reveal the openid.
 */
import * as crypto from 'crypto'

/** Length of an order id; WeChat Pay's `out_trade_no` allows at most 32 characters. */
export const ORDER_ID_LENGTH = 32

/**
 * SHA-256 in hex. Node 20.12+ has a one-shot `crypto.hash` (a third of the cost, and on the flash
 * sale's hot path); the cloud's older runtimes build a Hash object.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex')

/** The deterministic order id for `requestId` sent by `openid`: 32 lowercase hex characters. */
export function orderIdFor(openid: string, requestId: string): string {
  // The separator cannot appear in either part, so ('a:b', 'c') and ('a', 'b:c') differ.
  return sha256Hex(`order\n${openid}\n${requestId}`).slice(0, ORDER_ID_LENGTH)
}

/** The refund number for an order: one refund per order, so WeChat deduplicates retries. */
export function refundIdFor(orderId: string): string {
  return `${orderId}R`
}
