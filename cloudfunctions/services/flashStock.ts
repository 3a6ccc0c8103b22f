/**
 * Units of a flash sale and each member's claim on them, every move one atomic conditional write:
 * a sale's `left` never goes below zero and a member's `bought` never above the limit, however
 * many buy at once. Also the instance's marks, which answer SOLD_OUT and LIMIT_REACHED without a
 * write, and the sale as the instance last read it.
 */
import { memberSaleId } from '../core/flashSale'
import type { FlashSale, Order } from '../core/model'
import type { Db } from '../platform/ports'

/**
 * Takes `qty` units of a sale that is on (not stopped), running at `now` and as the caller read
 * it (its `updatedAt`: an operator's edit since, of the price, the limit or the groups, refuses
 * the take), or nothing. The kill switch and the sale's times are part of the condition too, so
 * they hold even against a stale read.
 */
export async function takeSaleUnits(db: Db, sale: Pick<FlashSale, '_id' | 'updatedAt'>, qty: number, now: number): Promise<boolean> {
  const taken = await db.update(
    'flashSales',
    { _id: sale._id, status: 'scheduled', updatedAt: sale.updatedAt, left: { gte: qty }, startAt: { lte: now }, endAt: { gt: now } },
    { inc: { left: -qty, reserved: qty } },
  )
  return taken === 1
}

/** Gives back units taken for an order that was never written, or that closed unpaid. */
export async function returnSaleUnits(db: Db, saleId: string, qty: number): Promise<void> {
  await db.update('flashSales', { _id: saleId }, { inc: { left: qty, reserved: -qty } })
  clearSoldOut(db, saleId)
}

/**
 * Adds `qty` to the member's claim on the sale if that keeps it within the limit. The first
 * purchase creates the claim (a deterministic id, so two first purchases cannot both create it).
 */
export async function claimUnits(
  db: Db,
  sale: Pick<FlashSale, '_id' | 'perMemberLimit'>,
  openid: string,
  qty: number,
  now: number,
): Promise<boolean> {
  if (qty > sale.perMemberLimit) return false
  const _id = memberSaleId(sale._id, openid)
  if (await db.add('flashClaims', { _id, saleId: sale._id, openid, bought: qty, updatedAt: now })) return true
  const claimed = await db.update(
    'flashClaims',
    { _id, bought: { lte: sale.perMemberLimit - qty } },
    { inc: { bought: qty }, set: { updatedAt: now } },
  )
  return claimed === 1
}

/** Takes `qty` back off the member's claim (an undo, or an order that closed unpaid). */
export async function releaseClaim(db: Db, saleId: string, openid: string, qty: number): Promise<void> {
  await db.update('flashClaims', { _id: memberSaleId(saleId, openid) }, { inc: { bought: -qty } })
  atLimit.get(db)?.get(saleId)?.delete(openid)
}

/** A closed unpaid sale order: its units go back to the sale and off the member's claim. */
export async function releaseSaleOrder(db: Db, order: Order & { saleId: string }): Promise<void> {
  await returnSaleUnits(db, order.saleId, order.qty)
  await releaseClaim(db, order.saleId, order.openid, order.qty)
}

/** A paid sale order: its units move from reserved to paid. */
export async function recordSalePaid(db: Db, order: Order & { saleId: string }): Promise<void> {
  await db.update('flashSales', { _id: order.saleId }, { inc: { reserved: -order.qty, paid: order.qty } })
}

// ---------------------------------------------------------------------------------------------
// Marks: once this instance has seen a sale with nothing left, or a member's claim refuse more
// units, further attempts are answered from memory for a moment, without a read or a write. Only
// refusals are answered so; every unit sold still goes through the conditional writes above.
// Units may come back (an unpaid order expires, a member cancels), so marks are short-lived, and
// cleared at once when this instance gives units back or an operator edits the sale.
// Beside them, the sale as this instance last read it, for the same moment: an attempt may go
// ahead on it without reading the sale again (the take names its `updatedAt`), but is refused only
// after a fresh read (services/flashOrders).

export const MARK_MS = 1_000
/** Members marked per sale; beyond it the oldest mark goes (a mark only saves work). */
const MAX_LIMIT_MARKS = 10_000

const soldOut = new WeakMap<Db, Map<string, number>>()

const fresh = (at: number, now: number): boolean => now >= at && now - at < MARK_MS

export function markSoldOut(db: Db, saleId: string, now: number): void {
  let marks = soldOut.get(db)
  if (!marks) soldOut.set(db, (marks = new Map()))
  marks.set(saleId, now)
}

export function isMarkedSoldOut(db: Db, saleId: string, now: number): boolean {
  const at = soldOut.get(db)?.get(saleId)
  return at !== undefined && fresh(at, now)
}

export function clearSoldOut(db: Db, saleId: string): void {
  soldOut.get(db)?.delete(saleId)
}

const recentSales = new WeakMap<Db, Map<string, { at: number; sale: FlashSale }>>()

/** Remembers `sale` as read at `now`. */
export function rememberSale(db: Db, sale: FlashSale, now: number): void {
  let sales = recentSales.get(db)
  if (!sales) recentSales.set(db, (sales = new Map()))
  sales.set(sale._id, { at: now, sale })
}

/** The sale as this instance read it less than `MARK_MS` ago, else null. */
export function recentSale(db: Db, saleId: string, now: number): FlashSale | null {
  const recent = recentSales.get(db)?.get(saleId)
  return recent !== undefined && fresh(recent.at, now) ? recent.sale : null
}

interface LimitMark {
  at: number
  /** The quantity the member's claim refused (any larger one is refused too). */
  qty: number
  /** The sale's per-member limit then (for the refusal's message). */
  limit: number
}

/** Per sale, per member: the claim refused `qty` more units at `at`. */
const atLimit = new WeakMap<Db, Map<string, Map<string, LimitMark>>>()

export function markAtLimit(db: Db, sale: Pick<FlashSale, '_id' | 'perMemberLimit'>, openid: string, qty: number, now: number): void {
  let sales = atLimit.get(db)
  if (!sales) atLimit.set(db, (sales = new Map()))
  let members = sales.get(sale._id)
  if (!members) sales.set(sale._id, (members = new Map()))
  members.delete(openid)
  members.set(openid, { at: now, qty, limit: sale.perMemberLimit })
  if (members.size > MAX_LIMIT_MARKS) members.delete(members.keys().next().value as string)
}

/** The sale's per-member limit if the member's claim refused `qty` units a moment ago, else null. */
export function markedLimit(db: Db, saleId: string, openid: string, qty: number, now: number): number | null {
  const mark = atLimit.get(db)?.get(saleId)?.get(openid)
  return mark !== undefined && qty >= mark.qty && fresh(mark.at, now) ? mark.limit : null
}

/** Clears the sale's marks: its sold-out mark, every member's limit mark and the sale as read (after an edit). */
export function clearSaleMarks(db: Db, saleId: string): void {
  clearSoldOut(db, saleId)
  atLimit.get(db)?.delete(saleId)
  recentSales.get(db)?.delete(saleId)
}
