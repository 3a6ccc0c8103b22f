/**
 * Creating an order: idempotent on the member's requestId, priced on the server, stock taken by
 * one conditional write, with the reservation undone if the order cannot be written.
 */
import { fail, type Result } from '../../core/errors'
import type { Order } from '../../core/model'
import { orderIdFor } from '../../core/order/ids'
import { priceOrder } from '../../core/pricing'
import type { Deps } from '../../platform/ports'
import { createFlashOrder } from '../flashOrders'
import { claimPriceDayUnits, limitReached, priceDayOfferForOrder, releasePriceDayUnits } from '../priceDays'
import { reserveProductStock, returnProductStock } from '../stock'
import { newOrder, replayOf, writeOrder } from './write'

export interface CreateOrderInput {
  requestId: string
  productId: string
  qty: number
  /** Buy in this flash sale (its units, its price, its limits). */
  saleId?: string
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

  const order = newOrder(deps, orderId, openid, input, product, price, hold ? { priceDayClaimId: hold.claimId } : {})
  return writeOrder(db, order, input, undo)
}
