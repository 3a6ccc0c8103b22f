/**
 * Reconciliation of a flash sale against its orders: the counters on the sale must agree with
 * each other and with the orders, and no member may hold more than the limit. Run it on a sale
 * at rest: an order being created moves the claim, the sale and the order one write at a time.
 */
import type { FlashClaim, FlashSale, Order } from './model'

export type DiscrepancyKind =
  /** quantity != left + reserved + paid on the sale's own counters. */
  | 'counters'
  /** A counter is negative. */
  | 'negative'
  /** quantity != left + (units in pending orders) + (units in paid orders). */
  | 'orders'
  /** The sale's reserved or paid counter differs from its orders. */
  | 'counterVsOrders'
  /** More units in orders than the sale had. */
  | 'oversold'
  /** A member holds more than the per-member limit. */
  | 'overLimit'
  /** A member's claim differs from their pending and paid orders. */
  | 'claim'

export interface SaleDiscrepancy {
  saleId: string
  kind: DiscrepancyKind
  detail: string
  openid?: string
}

export interface SaleTally {
  saleId: string
  quantity: number
  left: number
  /** Units in pending orders, counted from the orders. */
  reservedOrders: number
  /** Units in paid orders, counted from the orders. */
  paidOrders: number
  buyers: number
  discrepancies: SaleDiscrepancy[]
}

type SaleCounters = Pick<FlashSale, '_id' | 'quantity' | 'left' | 'reserved' | 'paid' | 'perMemberLimit'>

/**
 * Tallies `orders` (every order of the sale, any status) and `claims` (every claim of the sale)
 * against the sale's counters.
 */
export function reconcileFlashSale(
  sale: SaleCounters,
  orders: ReadonlyArray<Pick<Order, 'openid' | 'qty' | 'status'>>,
  claims: ReadonlyArray<Pick<FlashClaim, 'openid' | 'bought'>>,
): SaleTally {
  const saleId = sale._id
  const found: SaleDiscrepancy[] = []
  const add = (kind: DiscrepancyKind, detail: string, openid?: string): void => {
    found.push(openid === undefined ? { saleId, kind, detail } : { saleId, kind, detail, openid })
  }

  if (sale.left + sale.reserved + sale.paid !== sale.quantity) {
    add('counters', `quantity ${sale.quantity} != left ${sale.left} + reserved ${sale.reserved} + paid ${sale.paid}`)
  }
  for (const field of ['left', 'reserved', 'paid'] as const) {
    if (sale[field] < 0) add('negative', `${field} is ${sale[field]}`)
  }

  let reservedOrders = 0
  let paidOrders = 0
  const held = new Map<string, number>()
  for (const order of orders) {
    if (order.status === 'pending') reservedOrders += order.qty
    else if (order.status === 'paid') paidOrders += order.qty
    else continue
    held.set(order.openid, (held.get(order.openid) ?? 0) + order.qty)
  }

  if (sale.left + reservedOrders + paidOrders !== sale.quantity) {
    add('orders', `quantity ${sale.quantity} != left ${sale.left} + pending ${reservedOrders} + paid ${paidOrders}`)
  }
  if (reservedOrders !== sale.reserved) add('counterVsOrders', `reserved ${sale.reserved} but pending orders hold ${reservedOrders}`)
  if (paidOrders !== sale.paid) add('counterVsOrders', `paid ${sale.paid} but paid orders hold ${paidOrders}`)
  if (reservedOrders + paidOrders > sale.quantity) {
    add('oversold', `${reservedOrders + paidOrders - sale.quantity} units more than the quantity ${sale.quantity}`)
  }

  for (const [openid, units] of held) {
    if (units > sale.perMemberLimit) add('overLimit', `holds ${units}, limit ${sale.perMemberLimit}`, openid)
  }
  const claimed = new Map(claims.map((claim) => [claim.openid, claim.bought]))
  for (const openid of new Set([...held.keys(), ...claimed.keys()])) {
    const units = held.get(openid) ?? 0
    const bought = claimed.get(openid) ?? 0
    if (units !== bought) add('claim', `claim says ${bought}, orders hold ${units}`, openid)
  }

  return { saleId, quantity: sale.quantity, left: sale.left, reservedOrders, paidOrders, buyers: held.size, discrepancies: found }
}
