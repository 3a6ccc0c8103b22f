/**
 * Validation of a flash sale as an operator configures it, with a Chinese message per field so
 * the console can show each next to its input. The server runs the same function again.
 */
import type { FlashSale, GroupTier, Product } from './model'
import { formatFen, isFen } from './money'

/** What an operator sets. `_id` is present when editing an existing sale. */
export interface FlashSaleInput {
  _id?: string
  productId: string
  title: string
  flashPriceFen: number
  quantity: number
  perMemberLimit: number
  tiers: GroupTier[]
  startAt: number
  endAt: number
}

/** Field -> what is wrong with it. Empty when the input is valid. */
export type FlashSaleFieldErrors = Partial<Record<Exclude<keyof FlashSaleInput, '_id'>, string>>

export const FLASH_TITLE_MAX = 30
export const FLASH_QUANTITY_MAX = 1_000_000
/** One order holds at most 99 units (the order schema), so a larger limit means nothing. */
export const FLASH_LIMIT_MAX = 99

const TIERS: readonly GroupTier[] = ['core', 'ordinary', 'topic', 'like']

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
}

function isCount(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= max
}

/** Half-open intervals [start, end) overlap when each starts before the other ends. */
export function overlaps(a: { startAt: number; endAt: number }, b: { startAt: number; endAt: number }): boolean {
  return a.startAt < b.endAt && b.startAt < a.endAt
}

type SaleWindow = Pick<FlashSale, '_id' | 'productId' | 'startAt' | 'endAt'>

/** Whether `other` blocks `input`: another sale of the same product, still on, whose window overlaps. */
export function clashes(other: SaleWindow & Pick<FlashSale, 'status'>, input: Partial<Pick<FlashSale, '_id'>> & Omit<SaleWindow, '_id'>): boolean {
  return other._id !== input._id && other.productId === input.productId && other.status === 'scheduled' && overlaps(other, input)
}

/** The refusal of a sale whose window overlaps the sale titled `title`. */
export const clashMessage = (title: string): string => `与同一商品的秒杀「${title}」时间重叠`

/**
 * Checks a sale before it is saved: the product exists, the flash price is below its list price,
 * quantity and per-member limit are at least 1, the end is after the start, and no other sale of
 * the same product that is still on (not stopped) overlaps it. `otherSales` may include the sale
 * being edited (matched by `_id`) and sales of other products; both are ignored.
 */
export function validateFlashSale(
  input: FlashSaleInput,
  product: Pick<Product, '_id' | 'priceFen'> | null,
  otherSales: ReadonlyArray<Pick<FlashSale, '_id' | 'productId' | 'title' | 'startAt' | 'endAt' | 'status'>>,
): FlashSaleFieldErrors {
  const errors: FlashSaleFieldErrors = {}

  if (!product || product._id !== input.productId) errors.productId = '请选择一个存在的商品'

  const title = typeof input.title === 'string' ? input.title.trim() : ''
  if (title.length === 0) errors.title = '请填写活动名称'
  else if ([...title].length > FLASH_TITLE_MAX) errors.title = `活动名称最多 ${FLASH_TITLE_MAX} 个字`

  if (!isFen(input.flashPriceFen) || input.flashPriceFen < 1) {
    errors.flashPriceFen = '秒杀价需为大于 0 的金额（分）'
  } else if (product && input.flashPriceFen >= product.priceFen) {
    errors.flashPriceFen = `秒杀价需低于原价 ${formatFen(product.priceFen)}`
  }

  if (!isCount(input.quantity, FLASH_QUANTITY_MAX)) errors.quantity = `数量需为 1 到 ${FLASH_QUANTITY_MAX} 的整数`
  if (!isCount(input.perMemberLimit, FLASH_LIMIT_MAX)) {
    errors.perMemberLimit = `每人限购需为 1 到 ${FLASH_LIMIT_MAX} 的整数`
  }

  if (!Array.isArray(input.tiers) || input.tiers.some((tier) => !TIERS.includes(tier))) {
    errors.tiers = '参与群类型无效'
  } else if (new Set(input.tiers).size !== input.tiers.length) {
    errors.tiers = '参与群类型有重复'
  }

  const timesValid = isTime(input.startAt) && isTime(input.endAt)
  if (!isTime(input.startAt)) errors.startAt = '请选择开始时间'
  if (!isTime(input.endAt)) errors.endAt = '请选择结束时间'
  else if (timesValid && input.endAt <= input.startAt) errors.endAt = '结束时间需晚于开始时间'

  if (timesValid && input.endAt > input.startAt) {
    const clash = otherSales.find((other) => clashes(other, input))
    if (clash) errors.startAt = clashMessage(clash.title)
  }

  return errors
}

/** True when `validateFlashSale` found nothing wrong. */
export function isValidFlashSale(errors: FlashSaleFieldErrors): boolean {
  return Object.keys(errors).length === 0
}
