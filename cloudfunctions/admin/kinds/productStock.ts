/**
 * How an operator's product edit changes stock: as a delta on what is stored, so orders placed
 * while the form was open stay taken. The console sends the stock it loaded (`loadedStock`)
 * with the stock typed; other callers may send `stockDelta`. `upsert` applies the result inside
 * its transaction, which re-runs when an order moves the stock between its read and its commit,
 * so the floor at zero holds against concurrent orders.
 */
import type { FieldErrors } from '../../core/membership'
import { PRODUCT_MAX_STOCK, type ProductInput } from '../api'

export type StockChange = Pick<ProductInput, 'stock' | 'loadedStock' | 'stockDelta'>

type Delta = { ok: true; delta: number; field: string } | { ok: false; fields: FieldErrors }

/** Units the edit adds (negative: takes away), and the field that said so; or what is wrong. */
function deltaOf({ stock, loadedStock, stockDelta }: StockChange): Delta {
  if (stockDelta !== undefined) return { ok: true, delta: stockDelta, field: 'stockDelta' }
  if (stock === undefined) return { ok: true, delta: 0, field: 'stock' }
  if (loadedStock === undefined) return { ok: false, fields: { loadedStock: '修改库存需附上打开表单时的库存，以免覆盖期间的订单' } }
  return { ok: true, delta: stock - loadedStock, field: 'stock' }
}

/** The stock after an edit of a product that has `current` in stock now, or field errors. */
export function stockAfterEdit(current: number, change: StockChange): number | FieldErrors {
  const found = deltaOf(change)
  if (!found.ok) return found.fields
  const { delta, field } = found
  const next = current + delta
  if (next < 0) return { [field]: `库存不足：当前剩 ${current} 件（打开表单后可能已有新订单），不能减少 ${-delta} 件，请刷新后重试` }
  if (next > PRODUCT_MAX_STOCK) return { [field]: `库存不能大于 ${PRODUCT_MAX_STOCK}（当前 ${current} 件）` }
  return next
}
