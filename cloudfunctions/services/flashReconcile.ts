/**
 * Reconciliation of flash sales against their orders (for tests, the benchmark and operators):
 * for every sale, quantity == left + reserved + paid counted from the orders, the counters agree,
 * and no member holds more than the limit. Reads everything, so run it off the hot path.
 */
import { reconcileFlashSale, type SaleTally } from '../core/flashReconcile'
import type { CollectionName, Collections } from '../core/model'
import type { Db, Where } from '../platform/ports'

const PAGE = 100

/** Every document matching `where`, page by page (the cloud database returns 100 at most). */
async function all<C extends CollectionName>(db: Db, coll: C, where: Where<Collections[C]>): Promise<Array<Collections[C]>> {
  const docs: Array<Collections[C]> = []
  for (;;) {
    const page = await db.query(coll, where, { orderBy: [['_id' as keyof Collections[C] & string, 'asc']], limit: PAGE, skip: docs.length })
    docs.push(...page)
    if (page.length < PAGE) return docs
  }
}

/** The tally of one sale, or null when there is no such sale. */
export async function reconcileSale(db: Db, saleId: string): Promise<SaleTally | null> {
  const sale = await db.get('flashSales', saleId)
  if (!sale) return null
  const [orders, claims] = await Promise.all([all(db, 'orders', { saleId }), all(db, 'flashClaims', { saleId })])
  return reconcileFlashSale(sale, orders, claims)
}

export interface Reconciliation {
  sales: SaleTally[]
  /** True when no sale has a discrepancy. */
  clean: boolean
}

/** Tallies every sale (or the given ones). */
export async function reconcileSales(db: Db, saleIds?: readonly string[]): Promise<Reconciliation> {
  const ids = saleIds ?? (await all(db, 'flashSales', {})).map((sale) => sale._id)
  const sales: SaleTally[] = []
  for (const id of ids) {
    const tally = await reconcileSale(db, id)
    if (tally) sales.push(tally)
  }
  return { sales, clean: sales.every((tally) => tally.discrepancies.length === 0) }
}
