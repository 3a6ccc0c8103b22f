/**
 * Order ids are derived from the buyer and the client's requestId, so a replayed create lands on
 * the same document. The id is a hash: clients see order ids, and it must not reveal the openid.
 */
import { createHash } from 'crypto'

/** Length of an order id; WeChat Pay's `out_trade_no` allows at most 32 characters. */
export const ORDER_ID_LENGTH = 32

/** The deterministic order id for `requestId` sent by `openid`: 32 lowercase hex characters. */
export function orderIdFor(openid: string, requestId: string): string {
  // The separator cannot appear in either part, so ('a:b', 'c') and ('a', 'b:c') differ.
  return createHash('sha256').update(`order\n${openid}\n${requestId}`).digest('hex').slice(0, ORDER_ID_LENGTH)
}

/** The refund number for an order: one refund per order, so WeChat deduplicates retries. */
export function refundIdFor(orderId: string): string {
  return `${orderId}R`
}
