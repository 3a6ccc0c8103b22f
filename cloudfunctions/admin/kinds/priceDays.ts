/**
 * Member-price days: validated by the membership rules' `validatePriceDay` against the products
 * they name (member price below list price, limit >= 1, a real date or weekday, tiers).
 */
import { z } from 'zod'
import { fieldErrorsOf } from '../../core/membership'
import type { PriceDay, Product } from '../../core/model'
import { validatePriceDay, type PriceDayInput } from '../../core/priceDayValidation'
import { docId } from '../../core/schemas'
import { forgetPriceDays } from '../../services/priceDays'
import { newId, type ConfigKindDef } from './kind'

const envelope = z.object({ _id: docId.optional() }).passthrough()

/** The ids of the products a price day names, when it names them in the expected shape. */
function productIdsOf(doc: Record<string, unknown>): string[] {
  if (!Array.isArray(doc.items)) return []
  const ids = doc.items.map((item: unknown) => (item as { productId?: unknown } | null)?.productId)
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && docId.safeParse(id).success))].slice(0, 100)
}

export const priceDays: ConfigKindDef<PriceDay, PriceDayInput> = {
  async prepare(doc, { db, now }) {
    const parsed = envelope.safeParse(doc)
    if (!parsed.success) return { ok: false, fields: fieldErrorsOf(parsed.error) }
    const { _id, ...input } = parsed.data
    const found = await Promise.all(productIdsOf(input).map((id) => db.get('products', id)))
    const products = found.filter((p): p is Product => p !== null)
    const checked = validatePriceDay(input, products, now())
    if (!checked.ok) return { ok: false, fields: checked.errors }
    return { ok: true, id: _id ?? newId('pd', now()), value: checked.value }
  },

  build(value, existing, { id, now }) {
    if (existing) return { ...existing, ...value, updatedAt: now }
    return { _id: id, ...value, createdAt: now, updatedAt: now }
  },

  changed: forgetPriceDays,
}
