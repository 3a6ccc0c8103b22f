/**
 * The steps every kind of order shares once its units are taken: the order document, writing it
 * under its deterministic id, and answering replays of the same requestId.
 */
import { fail, ok, type Result } from '../../core/errors'
import type { Order, Product } from '../../core/model'
import type { OrderPrice } from '../../core/pricing'
import type { Db, Deps } from '../../platform/ports'

/** What a replay of a requestId must ask for again. */
export interface OrderRequest {
  requestId: string
  productId: string
  qty: number
  saleId?: string
}

/** A replay must ask for the same thing as the first call; a reused requestId is a client bug. */
export function replayOf(existing: Order, input: OrderRequest): Result<Order> {
  return existing.productId === input.productId && existing.qty === input.qty && existing.saleId === input.saleId
    ? ok(existing)
    : fail('CONFLICT', '请求编号已用于另一笔订单')
}

/** A new pending order of `product`, priced by the server, expiring after the configured time. */
export function newOrder(
  deps: Deps,
  orderId: string,
  openid: string,
  input: OrderRequest,
  product: Product,
  price: OrderPrice,
  extra: Pick<Order, 'saleId' | 'priceDayClaimId'> = {},
): Order {
  const now = deps.now()
  return {
    _id: orderId,
    openid,
    requestId: input.requestId,
    productId: product._id,
    title: product.title,
    image: product.images[0] ?? '',
    qty: input.qty,
    ...price,
    ...extra,
    status: 'pending',
    createdAt: now,
    expireAt: now + deps.config.orderTtlMs,
    updatedAt: now,
  }
}

/**
 * Writes `order`, whose units are already taken, and answers it. When a concurrent replay of the
 * same requestId wrote it first, `undo` gives this call's units back and the replay's order is
 * the answer. A write reported as failed may have been saved (a timeout): the units stay then.
 */
export async function writeOrder(
  db: Db,
  order: Order,
  input: OrderRequest,
  undo: () => Promise<void>,
): Promise<Result<Order>> {
  try {
    if (await db.add('orders', order)) return ok(order)
  } catch (error) {
    if (await db.get('orders', order._id)) return ok(order)
    await undo()
    throw error
  }
  await undo()
  const winner = await db.get('orders', order._id)
  if (!winner) throw new Error(`order ${order._id} refused as duplicate but not found`)
  return replayOf(winner, input)
}
