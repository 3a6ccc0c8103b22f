/**
 * Products as operators configure them: name, pictures, list price (fen), stock (>= 0), shelf
 * state. A new list price must stay above the member and flash prices that refer to it. An edit
 * moves stock by the operator's change (productStock.ts), never over orders placed meanwhile.
 */
import { z } from 'zod'
import { fail } from '../../core/errors'
import { fieldErrorsOf, type FieldErrors } from '../../core/membership'
import type { Product } from '../../core/model'
import { formatFen } from '../../core/money'
import { docId } from '../../core/schemas'
import type { Db } from '../../platform/ports'
import { loadActivePriceDays } from '../../services/priceDays'
import { forgetShelf } from '../../services/products'
import type { ProductInput } from '../api'
import { PRODUCT_MAX_IMAGES, PRODUCT_MAX_PRICE_FEN, PRODUCT_MAX_STOCK } from '../api'
import { invalidFields, newId, type ConfigKindDef } from './kind'
import { stockAfterEdit } from './productStock'

/** Where an image may live: the local file store, an https URL, or a cloud storage fileID. */
export const imageRef = z
  .string()
  .max(500)
  .refine(
    (src) => (/^\/files\/[A-Za-z0-9_./-]+$/.test(src) && !src.includes('..')) || /^(https|cloud):\/\/[^\s"'<>\\]+$/.test(src),
    '图片地址无效',
  )

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ invalid_type_error: `请填写${what}`, required_error: `请填写${what}` })
    .int(`${what}需为整数`)
    .min(min, `${what}不能小于 ${min}`)
    .max(max, `${what}不能大于 ${max}`)

export const productInputSchema = z
  .object({
    _id: docId.optional(),
    title: z.string({ required_error: '请填写商品名称' }).trim().min(1, '请填写商品名称').max(40, '商品名称最多 40 个字'),
    subtitle: z.string().trim().max(60, '副标题最多 60 个字').default(''),
    images: z
      .array(imageRef, { required_error: '请上传商品图片' })
      .min(1, '请上传至少一张商品图片')
      .max(PRODUCT_MAX_IMAGES, `最多 ${PRODUCT_MAX_IMAGES} 张图片`),
    priceFen: wholeNumber('价格（分）', 1, PRODUCT_MAX_PRICE_FEN),
    stock: wholeNumber('库存', 0, PRODUCT_MAX_STOCK).optional(),
    loadedStock: wholeNumber('打开表单时的库存', 0, PRODUCT_MAX_STOCK).optional(),
    stockDelta: wholeNumber('库存变动', -PRODUCT_MAX_STOCK, PRODUCT_MAX_STOCK).optional(),
    status: z.enum(['listed', 'unlisted'], { errorMap: () => ({ message: '请选择上架或下架' }) }),
    sort: wholeNumber('排序', 0, 1_000_000).default(0),
    detail: z.string().max(2000, '详情最多 2000 个字').default(''),
  })
  .strict()
  .superRefine((doc, ctx) => {
    if (doc.stockDelta !== undefined && (doc.stock !== undefined || doc.loadedStock !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['stockDelta'], message: '库存变动不能与库存同时填写' })
    }
    if (doc.loadedStock !== undefined && doc.stock === undefined) ctx.addIssue({ code: 'custom', path: ['stock'], message: '请填写库存' })
  })

type Value = Omit<ProductInput, '_id'>

/** Member prices and flash prices of this product at or above `priceFen`, as field errors. */
async function priceConflicts(db: Db, productId: string, priceFen: number, now: number): Promise<FieldErrors> {
  const [priceDays, sales] = await Promise.all([
    loadActivePriceDays(db),
    db.query('flashSales', { productId, status: 'scheduled', endAt: { gt: now } }, { limit: 100 }),
  ])
  for (const priceDay of priceDays) {
    const item = priceDay.items.find((it) => it.productId === productId)
    if (item && item.memberPriceFen >= priceFen) {
      return { priceFen: `群友价日「${priceDay.title}」的群友价 ${formatFen(item.memberPriceFen)} 需低于价格，请先调整` }
    }
  }
  const sale = sales.find((s) => s.flashPriceFen >= priceFen)
  if (sale) return { priceFen: `秒杀「${sale.title}」的秒杀价 ${formatFen(sale.flashPriceFen)} 需低于价格，请先调整` }
  return {}
}

export const products: ConfigKindDef<Product, Value> = {
  async prepare(doc, { db, now }) {
    const parsed = productInputSchema.safeParse(doc)
    if (!parsed.success) return { ok: false, fields: fieldErrorsOf(parsed.error) }
    const { _id, ...value } = parsed.data
    const id = _id ?? newId('p', now())
    const conflicts = await priceConflicts(db, id, value.priceFen, now())
    if (Object.keys(conflicts).length > 0) return { ok: false, fields: conflicts }
    return { ok: true, id, value }
  },

  build({ stock, loadedStock, stockDelta, ...value }, existing, { id, now }) {
    if (!existing) {
      if (stock === undefined) return invalidFields({ stock: '请填写库存' })
      return { _id: id, ...value, stock, sold: 0, createdAt: now, updatedAt: now }
    }
    // `existing` is read inside upsert's transaction, so its stock includes every order so far.
    const next = stockAfterEdit(existing.stock, { stock, loadedStock, stockDelta })
    if (typeof next !== 'number') return invalidFields(next)
    return { ...existing, ...value, stock: next, updatedAt: now }
  },

  async checkRemove(product, { db }) {
    if ((await db.count('orders', { productId: product._id })) > 0) return fail('CONFLICT', '商品已有订单，不能删除，请改为下架')
    if ((await db.count('flashSales', { productId: product._id })) > 0) return fail('CONFLICT', '商品有秒杀活动，不能删除，请改为下架')
    const inPriceDay = (await loadActivePriceDays(db)).find((p) => p.items.some((it) => it.productId === product._id))
    if (inPriceDay) return fail('CONFLICT', `商品在群友价日「${inPriceDay.title}」中，不能删除，请改为下架`)
    return null
  },

  changed: forgetShelf,
}
