/**
 * Validation of a price day as an operator configures it. The console form and the admin upsert
 * both call `validatePriceDay`, so the operator sees the same field-level errors the server
 * enforces.
 */
import { z } from 'zod'
import { fenToYuan } from './money'
import { fieldErrorsOf, GROUP_TIERS, type FieldErrors, type Validation } from './membership'
import type { PriceDay, Product } from './model'
import { docId } from './schemas'
import { cnDay, parseCnDay } from './time'

/** Products on one price day, at most. */
export const PRICE_DAY_MAX_ITEMS = 50
/** The per-member limit cannot exceed what one order may hold. */
export const PRICE_DAY_MAX_LIMIT = 99

/** What an operator configures; the server adds `_id` and the timestamps. */
export type PriceDayInput = Pick<PriceDay, 'title' | 'rule' | 'items' | 'tiers' | 'status'>

const day = z
  .string({ invalid_type_error: '请选择日期' })
  .refine((value) => parseCnDay(value) !== null, '日期无效，格式为 YYYY-MM-DD')

const wholeNumber = (what: string, min: number, max: number): z.ZodNumber =>
  z
    .number({ invalid_type_error: `请填写${what}`, required_error: `请填写${what}` })
    .int(`${what}需为整数`)
    .min(min, `${what}至少为 ${min}`)
    .max(max, `${what}最多为 ${max}`)

const rule = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('date'), day }).strict(),
    z
      .object({
        kind: z.literal('weekly'),
        weekday: wholeNumber('星期', 0, 6),
        startDay: day.optional(),
        endDay: day.optional(),
      })
      .strict(),
  ],
  { errorMap: () => ({ message: '请选择按日期或按星期' }) },
)

const item = z
  .object({
    productId: docId,
    memberPriceFen: wholeNumber('群友价（分）', 1, Number.MAX_SAFE_INTEGER),
    limitPerMember: wholeNumber('每人限购', 1, PRICE_DAY_MAX_LIMIT),
  })
  .strict()

export const priceDayInputSchema = z
  .object({
    title: z.string({ required_error: '请填写标题' }).trim().min(1, '请填写标题').max(30, '标题最多 30 个字'),
    rule,
    items: z.array(item).min(1, '至少选择一个商品').max(PRICE_DAY_MAX_ITEMS, `最多 ${PRICE_DAY_MAX_ITEMS} 个商品`),
    tiers: z
      .array(z.enum(GROUP_TIERS, { errorMap: () => ({ message: '群类型无效' }) }))
      .min(1, '至少选择一种群类型'),
    status: z.enum(['active', 'archived']).default('active'),
  })
  .strict()

/**
 * Checks a price day against the products it names: member price below the list price, limit
 * of at least 1, a real date or weekday (end not before start), at least one tier and one item,
 * no product twice. With `now`, an active price day must not lie wholly in the past.
 * Field paths match the input: `title`, `rule.day`, `items.0.memberPriceFen`, `tiers`, ...
 */
export function validatePriceDay(
  input: unknown,
  products: ReadonlyArray<Pick<Product, '_id' | 'priceFen'>>,
  now?: number,
): Validation<PriceDayInput> {
  const parsed = priceDayInputSchema.safeParse(input)
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error) }
  const value: PriceDayInput = parsed.data
  const errors: FieldErrors = {}

  const byId = new Map(products.map((p) => [p._id, p]))
  const seen = new Set<string>()
  value.items.forEach((it, i) => {
    const product = byId.get(it.productId)
    if (seen.has(it.productId)) errors[`items.${i}.productId`] = '同一商品只能出现一次'
    else if (!product) errors[`items.${i}.productId`] = '商品不存在'
    else if (it.memberPriceFen >= product.priceFen) {
      errors[`items.${i}.memberPriceFen`] = `群友价需低于原价 ¥${fenToYuan(product.priceFen)}`
    }
    seen.add(it.productId)
  })

  if (new Set(value.tiers).size !== value.tiers.length) errors.tiers = '群类型重复'

  const { rule: r } = value
  if (r.kind === 'weekly' && r.startDay !== undefined && r.endDay !== undefined && r.endDay < r.startDay) {
    errors['rule.endDay'] = '结束日期不能早于开始日期'
  }
  if (now !== undefined && value.status === 'active') {
    const today = cnDay(now)
    if (r.kind === 'date' && r.day < today) errors['rule.day'] = '日期已过去'
    if (r.kind === 'weekly' && r.endDay !== undefined && r.endDay < today) errors['rule.endDay'] = '结束日期已过去'
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value }
}
