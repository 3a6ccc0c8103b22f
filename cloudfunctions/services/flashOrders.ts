/**
 * Buying in a flash sale (order.create with `saleId`). One step per idea, each with its undo:
 * claim the member's units (the per-member limit), take the sale's units (the one conditional
 * write on the hot document), write the order (idempotent on requestId); a failed step undoes the
 * ones before it. Once a sale is sold out, attempts are answered without a write.
 */
import { fail, ok, type Result } from '../core/errors'
import { refuseFlashBuy } from '../core/flashSale'
import type { Order } from '../core/model'
import { orderIdFor } from '../core/order/ids'
import { priceOrder } from '../core/pricing'
import type { Db, Deps } from '../platform/ports'
import { saleEligibility } from './flashEligibility'
import { claimUnits, isMarkedSoldOut, markSoldOut, releaseClaim, returnSaleUnits, takeSaleUnits } from './flashStock'
import { findListedProduct } from './products'

export interface FlashOrderInput {
  requestId: string
  productId: string
  qty: number
  saleId: string
}

/** A replay must ask for the same thing as the first call; a reused requestId is a client bug. */
function replayOf(existing: Order, input: FlashOrderInput): Result<Order> {
  return existing.productId === input.productId && existing.qty === input.qty && existing.saleId === input.saleId
    ? ok(existing)
    : fail('CONFLICT', '请求编号已用于另一笔订单')
}

/** Why the conditional write on the sale refused: the sale as it is now, or a replay that won. */
async function explainRefusal(deps: Deps, orderId: string, input: FlashOrderInput, now: number): Promise<Result<Order>> {
  const raced = await deps.db.get('orders', orderId)
  if (raced) return replayOf(raced, input)
  const sale = await deps.db.get('flashSales', input.saleId)
  if (!sale) return fail('NOT_FOUND')
  if (sale.left <= 0) markSoldOut(deps.db, sale._id, now)
  return refuseFlashBuy(sale, now, input.qty) ?? fail('SOLD_OUT')
}

/**
 * Creates of one order id under way in this instance. A replay that arrives while the first call
 * is still running waits for it instead of racing it for the member's last unit (which it would
 * lose with LIMIT_REACHED before the first call has written the order).
 */
const inFlight = new WeakMap<Db, Map<string, Promise<Result<Order>>>>()

export async function createFlashOrder(deps: Deps, openid: string, input: FlashOrderInput): Promise<Result<Order>> {
  const orderId = orderIdFor(openid, input.requestId)
  let running = inFlight.get(deps.db)
  if (!running) inFlight.set(deps.db, (running = new Map()))
  const first = running.get(orderId)
  if (first) {
    const result = await first
    return result.ok ? replayOf(result.data, input) : result
  }
  const attempt = attemptFlashOrder(deps, openid, orderId, input)
  running.set(orderId, attempt)
  try {
    return await attempt
  } finally {
    running.delete(orderId)
  }
}

async function attemptFlashOrder(deps: Deps, openid: string, orderId: string, input: FlashOrderInput): Promise<Result<Order>> {
  const { db } = deps
  const now = deps.now()
  const existing = await db.get('orders', orderId)
  if (existing) return replayOf(existing, input)
  if (isMarkedSoldOut(db, input.saleId, now)) return fail('SOLD_OUT')

  const sale = await db.get('flashSales', input.saleId)
  if (!sale || sale.productId !== input.productId) return fail('NOT_FOUND')
  const refused = refuseFlashBuy(sale, now, input.qty)
  if (refused) {
    if (refused.code === 'SOLD_OUT' && sale.left <= 0) markSoldOut(db, sale._id, now)
    return refused
  }
  const eligibility = await saleEligibility(deps, openid, sale.tiers)
  if (!eligibility.eligible) return fail(eligibility.reason === 'login' ? 'UNAUTHENTICATED' : 'NOT_MEMBER', eligibility.message)
  const product = await findListedProduct(db, sale.productId)
  if (!product) return fail('NOT_FOUND')
  // The flash price, or the list price should the product have become cheaper than the sale.
  const price = priceOrder(product, input.qty, [{ source: 'flash', sourceId: sale._id, unitPriceFen: sale.flashPriceFen }])

  if (!(await claimUnits(db, sale, openid, input.qty, now))) {
    const raced = await db.get('orders', orderId)
    return raced ? replayOf(raced, input) : fail('LIMIT_REACHED', `每人限购 ${sale.perMemberLimit} 件`)
  }
  if (!(await takeSaleUnits(db, sale._id, input.qty, now))) {
    await releaseClaim(db, sale._id, openid, input.qty)
    return explainRefusal(deps, orderId, input, now)
  }

  const undo = async (): Promise<void> => {
    await returnSaleUnits(db, sale._id, input.qty)
    await releaseClaim(db, sale._id, openid, input.qty)
  }
  const order: Order = {
    _id: orderId,
    openid,
    requestId: input.requestId,
    productId: product._id,
    title: product.title,
    image: product.images[0] ?? '',
    qty: input.qty,
    ...price,
    saleId: sale._id,
    status: 'pending',
    createdAt: now,
    expireAt: now + deps.config.orderTtlMs,
    updatedAt: now,
  }
  let added: boolean
  try {
    added = await db.add('orders', order)
  } catch (error) {
    await undo()
    throw error
  }
  if (added) return ok(order)

  // A concurrent replay of the same requestId wrote the order first: keep its units only.
  await undo()
  const winner = await db.get('orders', orderId)
  if (!winner) throw new Error(`order ${orderId} refused as duplicate but not found`)
  return replayOf(winner, input)
}
