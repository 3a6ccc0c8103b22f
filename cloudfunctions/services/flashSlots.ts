/**
 * The no-overlap rule for a product's flash sales, held against operators saving at the same
 * moment: each save reads and rewrites the product's slots document (`FlashSlots`) in its own
 * transaction, so of two overlapping saves the second to commit runs again and sees the first.
 */
import { clashes, overlaps } from '../core/flashValidation'
import type { FlashSale, FlashSlot } from '../core/model'
import type { Db, TxDb } from '../platform/ports'

/**
 * Records `sale`'s window among its product's, unless it overlaps a sale still on: then that
 * sale. A listed sale that overlaps is read again first (outside the transaction, so that orders
 * moving its counters do not make this save conflict); listed sales that are over, stopped,
 * removed or moved to another product are dropped.
 */
export async function reserveSlot(tx: TxDb, db: Db, sale: FlashSale, now: number): Promise<FlashSale | null> {
  const slots = await tx.get('flashSlots', sale.productId)
  const kept: FlashSlot[] = []
  for (const slot of slots?.sales ?? []) {
    if (slot.saleId === sale._id || slot.endAt <= now) continue
    if (!overlaps(slot, sale)) {
      kept.push(slot)
      continue
    }
    const other = await db.get('flashSales', slot.saleId)
    if (!other || other.status !== 'scheduled' || other.productId !== sale.productId) continue
    if (clashes(other, sale)) return other
    kept.push(slotOf(other))
  }
  // A stopped sale cannot be saved (the kind's `build` refuses it), so `sale` is on.
  kept.push(slotOf(sale))
  await tx.set('flashSlots', sale.productId, { _id: sale.productId, sales: kept, updatedAt: now })
  return null
}

const slotOf = (sale: FlashSale): FlashSlot => ({ saleId: sale._id, title: sale.title, startAt: sale.startAt, endAt: sale.endAt })
