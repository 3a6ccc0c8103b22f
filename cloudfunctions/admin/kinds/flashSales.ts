/**
 * Flash sales: validated by the flash rules' `validateFlashSale` (product exists, flash price
 * below list price, quantity and limit >= 1, end after start, no overlapping sale of the same
 * product, checked again inside the save's transaction by services/flashSlots). Edits keep the
 * counters whole: `left` moves with the quantity, never below the units already in orders. A
 * stopped sale stays stopped; stopping is `flashStop`.
 */
import { z } from 'zod'
import { fail } from '../../core/errors'
import { clashMessage, validateFlashSale, type FlashSaleInput } from '../../core/flashValidation'
import { fieldErrorsOf, GROUP_TIERS } from '../../core/membership'
import type { FlashSale } from '../../core/model'
import { docId } from '../../core/schemas'
import { forgetSales } from '../../services/flashSales'
import { clearSaleMarks } from '../../services/flashStock'
import { reserveSlot } from '../../services/flashSlots'
import { invalidFields, newId, type ConfigKindDef } from './kind'

const number = (what: string) => z.number({ invalid_type_error: `请填写${what}`, required_error: `请填写${what}` })

// Types only; the rules (and their Chinese messages) are validateFlashSale's.
const shape = z
  .object({
    _id: docId.optional(),
    productId: z.string({ required_error: '请选择商品' }).max(64),
    title: z.string({ required_error: '请填写活动名称' }).max(100),
    flashPriceFen: number('秒杀价'),
    quantity: number('数量'),
    perMemberLimit: number('每人限购'),
    tiers: z.array(z.enum(GROUP_TIERS, { errorMap: () => ({ message: '参与群类型无效' }) })).default([]),
    startAt: number('开始时间'),
    endAt: number('结束时间'),
  })
  .strict()

const HAS_ORDERS = fail('CONFLICT', '秒杀已有订单，不能删除，请使用「停止」')

type Value = Required<Pick<FlashSaleInput, '_id'>> & Omit<FlashSaleInput, '_id'>

export const flashSales: ConfigKindDef<FlashSale, Value> = {
  async prepare(doc, { db, now }) {
    const parsed = shape.safeParse(doc)
    if (!parsed.success) return { ok: false, fields: fieldErrorsOf(parsed.error) }
    const input: Value = { ...parsed.data, _id: parsed.data._id ?? newId('fs', now()), title: parsed.data.title.trim() }
    const product = docId.safeParse(input.productId).success ? await db.get('products', input.productId) : null
    const others = product ? await db.query('flashSales', { productId: product._id, status: 'scheduled' }, { limit: 100 }) : []
    const errors: Record<string, string> = { ...validateFlashSale(input, product, others) }
    const existing = others.find((s) => s._id === input._id) ?? null
    // A new sale (or one moved) must still be ahead of us to be worth scheduling.
    if (!errors.endAt && input.endAt <= now() && (!existing || existing.endAt !== input.endAt)) errors.endAt = '结束时间已过去'
    if (Object.keys(errors).length > 0) return { ok: false, fields: errors }
    return { ok: true, id: input._id, value: input }
  },

  build(input, existing, { id, now }) {
    const { _id: _ignored, ...value } = input
    if (!existing) return { _id: id, ...value, left: value.quantity, reserved: 0, paid: 0, status: 'scheduled', createdAt: now, updatedAt: now }
    if (existing.status === 'stopped') return fail('INVALID_STATE', '已停止的秒杀不能修改')
    const inOrders = existing.reserved + existing.paid
    if (inOrders > 0 && value.productId !== existing.productId) return invalidFields({ productId: '已有订单，不能更换商品' })
    if (value.quantity < inOrders) return invalidFields({ quantity: `数量不能少于已下单的 ${inOrders} 件` })
    return { ...existing, ...value, left: value.quantity - inOrders, updatedAt: now }
  },

  // The overlap check in `prepare` gives the operator the answer early; this one holds it when
  // two saves of the same product race.
  async guard(tx, sale, { db, now }) {
    const clash = await reserveSlot(tx, db, sale, now())
    return clash ? { startAt: clashMessage(clash.title) } : null
  },

  async checkRemove(sale, { db }) {
    return flashSales.removable?.(sale) ?? ((await db.count('orders', { saleId: sale._id })) > 0 ? HAS_ORDERS : null)
  },

  removable: (sale) => (sale.reserved + sale.paid > 0 ? HAS_ORDERS : null),

  changed(db, id) {
    // A sale given more units, or a higher limit, must not keep refusing from this instance's marks.
    clearSaleMarks(db, id)
    forgetSales(db)
  },
}
