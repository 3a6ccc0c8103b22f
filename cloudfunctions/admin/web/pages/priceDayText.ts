/** How a price day's rule and products read in the console. */
import type { PriceDay, Product } from '../../../core/model'
import { formatYuan } from '../format'
import { WEEKDAY_NAMES } from '../forms/weekdays'

export function ruleText(rule: PriceDay['rule']): string {
  if (rule.kind === 'date') return rule.day
  const bounds = [rule.startDay && `${rule.startDay} 起`, rule.endDay && `至 ${rule.endDay}`].filter(Boolean).join(' ')
  return `每${WEEKDAY_NAMES[rule.weekday]}${bounds ? `（${bounds}）` : ''}`
}

export function itemsText(priceDay: PriceDay, products: ReadonlyMap<string, Product>): string[] {
  return priceDay.items.map((it) => {
    const product = products.get(it.productId)
    const name = product?.title ?? it.productId
    const list = product ? ` 原价 ${formatYuan(product.priceFen)}` : ''
    return `${name}：${formatYuan(it.memberPriceFen)}${list}，每人限 ${it.limitPerMember} 件`
  })
}
