/**
 * Closing an unpaid order (the member cancels it, or it expires): one conditional status write
 * decides who closes it, and only that caller returns the stock.
 */
import { fail, ok, type Result } from '../../core/errors'
import type { Order } from '../../core/model'
import { nextStatus } from '../../core/order/status'
import type { Db, Deps, Where } from '../../platform/ports'
import { releasePriceDayUnits } from '../priceDays'
import { releaseOrderStock } from '../stock'

export type CloseEvent = 'cancel' | 'expire'

/**
 * Moves `order` to cancelled or expired and returns its stock. Idempotent: closing an order that
 * this event already closed answers the closed order. Expiry is refused before `expireAt`.
 */
export async function closeOrder(
  deps: Pick<Deps, 'db' | 'now'>,
  order: Order,
  event: CloseEvent,
): Promise<Result<Order>> {
  const { db } = deps
  const closed = event === 'cancel' ? 'cancelled' : 'expired'
  if (order.status === closed) return ok(order)
  const to = nextStatus(order.status, event)
  if (!to) return fail('INVALID_STATE')
  const now = deps.now()
  if (event === 'expire' && now < order.expireAt) return fail('INVALID_STATE')

  const where: Where<Order> = { _id: order._id, status: order.status }
  if (event === 'expire') where.expireAt = { lte: now }
  const won = await db.update('orders', where, { set: { status: to, closedAt: now, updatedAt: now } })
  if (won !== 1) return settled(db, order._id, closed)

  await releaseOrderStock(db, order)
  // The member may buy these units at the member price again today.
  if (order.priceDayClaimId) await releasePriceDayUnits(db, order.priceDayClaimId, order.qty)
  return ok({ ...order, status: to, closedAt: now, updatedAt: now })
}

/** Someone else changed the order first: answer what it became. */
async function settled(db: Db, orderId: string, wanted: Order['status']): Promise<Result<Order>> {
  const fresh = await db.get('orders', orderId)
  if (!fresh) return fail('NOT_FOUND')
  return fresh.status === wanted ? ok(fresh) : fail('INVALID_STATE')
}

/** Orders expired per cron batch; the cloud database returns at most 100 per query. */
export const EXPIRE_BATCH = 100

/**
 * Expires every pending order whose time is up, in batches of 100, and returns their stock.
 * Stops after `maxBatches` so one timer run stays within the function's time limit.
 */
export async function expireDueOrders(
  deps: Pick<Deps, 'db' | 'now'>,
  maxBatches = 10,
): Promise<{ expired: number; more: boolean }> {
  let expired = 0
  for (let batch = 0; batch < maxBatches; batch++) {
    const due = await deps.db.query(
      'orders',
      { status: 'pending', expireAt: { lte: deps.now() } },
      { orderBy: [['expireAt', 'asc']], limit: EXPIRE_BATCH },
    )
    const results = await Promise.all(due.map((order) => closeOrder(deps, order, 'expire')))
    expired += results.filter((r) => r.ok).length
    if (due.length < EXPIRE_BATCH) return { expired, more: false }
  }
  return { expired, more: true }
}
