/**
 * Stock moves, each one atomic conditional write. An order takes its units from where it was
 * priced: the product's normal stock, or for flash-sale orders (`order.saleId`) the sale's units
 * (see flashStock.ts), to which they also return.
 */
import type { Order } from '../core/model'
import type { Db } from '../platform/ports'
import { recordSalePaid, releaseSaleOrder } from './flashStock'

/**
 * Takes `qty` units of a listed product, or nothing. Never reads first: the condition on the
 * write is what makes 200 concurrent buyers of 50 units sell exactly 50.
 */
export async function reserveProductStock(db: Db, productId: string, qty: number): Promise<boolean> {
  const taken = await db.update(
    'products',
    { _id: productId, status: 'listed', stock: { gte: qty } },
    { inc: { stock: -qty } },
  )
  return taken === 1
}

/** Gives `qty` units back to the product (an undo of `reserveProductStock`). */
export async function returnProductStock(db: Db, productId: string, qty: number): Promise<void> {
  await db.update('products', { _id: productId }, { inc: { stock: qty } })
}

/**
 * Gives a closed order's units back. Callers make this happen once per order by calling it only
 * after winning the conditional status write that closed the order.
 */
export async function releaseOrderStock(db: Db, order: Order): Promise<void> {
  if (order.saleId) return releaseSaleOrder(db, { ...order, saleId: order.saleId })
  await returnProductStock(db, order.productId, order.qty)
}

/** Counts a paid order's units as sold. Called once, after winning the pending -> paid write. */
export async function recordSold(db: Db, order: Order): Promise<void> {
  if (order.saleId) await recordSalePaid(db, { ...order, saleId: order.saleId })
  await db.update('products', { _id: order.productId }, { inc: { sold: order.qty } })
}
