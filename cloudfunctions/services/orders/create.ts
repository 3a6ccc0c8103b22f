/**
 * Creating an order: idempotent on the member's requestId, priced on the server, stock taken by
 * one conditional write, with the reservation undone if the order cannot be written.
 */
import { fail, ok, type Result } from '../../core/errors'
import type { Order } from '../../core/model'
import { orderIdFor } from '../../core/order/ids'
import { priceOrder } from '../../core/pricing'
import type { Deps } from '../../platform/ports'
import { createFlashOrder } from '../flashOrders'
import { claimPriceDayUnits, limitReached, priceDayOfferForOrder, releasePriceDayUnits } from '../priceDays'
import { reserveProductStock, returnProductStock } from '../stock'

export interface CreateOrderInput {
  requestId: string
  productId: string
  qty: number
  /** Buy in this flash sale (its units, its price, its limits). */
  saleId?: string
}

/** A replay must ask for the same thing as the first call; a reused requestId is a client bug. */
function replayOf(existing: Order, input: CreateOrderInput): Result<Order> {
  return existing.productId === input.productId && existing.qty === input.qty && existing.saleId === input.saleId
    ? ok(existing)
    : fail('CONFLICT', '请求编号已用于另一笔订单')
}

export async function createOrder(deps: Deps, openid: string, input: CreateOrderInput): Promise<Result<Order>> {
  if (input.saleId !== undefined) return createFlashOrder(deps, openid, { ...input, saleId: input.saleId })
  const { db } = deps
  const orderId = orderIdFor(openid, input.requestId)

  const existing = await db.get('orders', orderId)
  if (existing) return replayOf(existing, input)

  const product = await db.get('products', input.productId)
  if (!product || product.status !== 'listed') return fail('NOT_FOUND')
  // Sold out is answered without a write; the conditional write below is what guarantees it.
  if (product.stock < input.qty) return fail('SOLD_OUT')

  // Today's member price if the member's groups qualify (read fresh); its per-member limit below.
  const priceDay = await priceDayOfferForOrder(deps, openid, product._id)
  if (priceDay && input.qty > priceDay.hold.limitPerMember) return limitReached(priceDay.hold)
  const price = priceOrder(product, input.qty, priceDay ? [priceDay.offer] : [])
  const hold = price.priceSource === 'priceDay' ? priceDay?.hold : undefined

  if (!(await reserveProductStock(db, product._id, input.qty))) {
    // The last units may have gone to a concurrent replay of this very request.
    const raced = await db.get('orders', orderId)
    return raced ? replayOf(raced, input) : fail('SOLD_OUT')
  }
  if (hold && !(await claimPriceDayUnits(db, hold, input.qty, deps.now()))) {
    await returnProductStock(db, product._id, input.qty)
    const raced = await db.get('orders', orderId)
    return raced ? replayOf(raced, input) : limitReached(hold)
  }
  const undo = async (): Promise<void> => {
    await returnProductStock(db, product._id, input.qty)
    if (hold) await releasePriceDayUnits(db, hold.claimId, input.qty)
  }

  const now = deps.now()
  const order: Order = {
    _id: orderId,
    openid,
    requestId: input.requestId,
    productId: product._id,
    title: product.title,
    image: product.images[0] ?? '',
    qty: input.qty,
    ...price,
    ...(hold ? { priceDayClaimId: hold.claimId } : {}),
    status: 'pending',
    createdAt: now,
    expireAt: now + deps.config.orderTtlMs,
    updatedAt: now,
  }

  let added: boolean
  try {
    added = await db.add('orders', order)
  } catch (error) {
    // A write reported as failed may have been saved (a timeout): then the units are the order's.
    if (await db.get('orders', orderId)) return ok(order)
    await undo()
    throw error
  }
  if (added) return ok(order)

  // A concurrent replay of the same requestId wrote the order first: keep its reservation only.
  await undo()
  const winner = await db.get('orders', orderId)
  if (!winner) throw new Error(`order ${orderId} refused as duplicate but not found`)
  return replayOf(winner, input)
}
