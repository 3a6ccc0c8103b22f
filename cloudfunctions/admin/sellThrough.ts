/**
 * When a flash sale sold out, replayed from its orders: every order took its units when it was
 * created, and one that closed unpaid gave them back when it closed. The sale sold out the
 * first moment the units out reached the quantity.
 */
import type { Order } from '../core/model'

type Move = { at: number; units: number }

/** Epoch ms of the order that took the last unit, or null when the sale never sold out. */
export function sellThroughAt(quantity: number, orders: ReadonlyArray<Pick<Order, 'qty' | 'status' | 'createdAt' | 'closedAt'>>): number | null {
  const moves: Move[] = []
  for (const order of orders) {
    moves.push({ at: order.createdAt, units: order.qty })
    // Cancelled, expired, and refunded-after-expiry orders closed unpaid and returned their units.
    const gaveBack = order.status !== 'pending' && order.status !== 'paid'
    if (gaveBack && order.closedAt !== undefined) moves.push({ at: order.closedAt, units: -order.qty })
  }
  // At equal times a return comes first: the units were free again when the next order took them.
  moves.sort((a, b) => a.at - b.at || a.units - b.units)
  let out = 0
  for (const move of moves) {
    out += move.units
    if (out >= quantity) return move.at
  }
  return null
}
