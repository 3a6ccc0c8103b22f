/**
 * Orders as their buyer sees them, and the ownership check every member-facing read uses.
 */
import type { OrderView } from '../../core/contract'
import type { Order } from '../../core/model'
import type { Db } from '../../platform/ports'

/** Drops what the client must not see (the buyer's openid, the idempotency key). */
export function toOrderView(order: Order): OrderView {
  const { openid: _openid, requestId: _requestId, ...view } = order
  return view
}

/** The order if it belongs to `openid`; someone else's order is as good as missing. */
export async function findOwnOrder(db: Db, openid: string, orderId: string): Promise<Order | null> {
  const order = await db.get('orders', orderId)
  return order && order.openid === openid ? order : null
}
