import { validatePriceDay } from '@core/priceDayValidation'

const products = [
  { _id: 'p-tea', priceFen: 12_900 },
  { _id: 'p-cup', priceFen: 5_900 },
]
const NOW = Date.parse('2026-11-18T10:00:00+08:00')

const valid = {
  title: '周三群友价',
  rule: { kind: 'date', day: '2026-11-18' },
  items: [{ productId: 'p-tea', memberPriceFen: 9_900, limitPerMember: 2 }],
  tiers: ['core', 'topic'],
}

function errorsOf(input: unknown, now?: number): Record<string, string> {
  const result = validatePriceDay(input, products, now)
  return result.ok ? {} : result.errors
}

describe('validatePriceDay', () => {
  it('accepts a valid price day and defaults it to active', () => {
    expect(validatePriceDay(valid, products, NOW)).toEqual({ ok: true, value: { ...valid, status: 'active' } })
    const weekly = { ...valid, rule: { kind: 'weekly', weekday: 3, startDay: '2026-11-18', endDay: '2026-12-31' } }
    expect(validatePriceDay(weekly, products, NOW).ok).toBe(true)
  })

  it('refuses a member price at or above the list price, naming the item', () => {
    const items = [
      { productId: 'p-tea', memberPriceFen: 12_900, limitPerMember: 1 },
      { productId: 'p-cup', memberPriceFen: 6_000, limitPerMember: 1 },
    ]
    expect(errorsOf({ ...valid, items })).toEqual({
      'items.0.memberPriceFen': '群友价需低于原价 ¥129.00',
      'items.1.memberPriceFen': '群友价需低于原价 ¥59.00',
    })
  })

  it('refuses a limit below 1, non-integer money, unknown or repeated products', () => {
    expect(errorsOf({ ...valid, items: [{ productId: 'p-tea', memberPriceFen: 9_900, limitPerMember: 0 }] })).toHaveProperty(['items.0.limitPerMember'])
    expect(errorsOf({ ...valid, items: [{ productId: 'p-tea', memberPriceFen: 99.5, limitPerMember: 1 }] })).toHaveProperty(['items.0.memberPriceFen'])
    expect(errorsOf({ ...valid, items: [{ productId: 'p-gone', memberPriceFen: 100, limitPerMember: 1 }] })).toEqual({ 'items.0.productId': '商品不存在' })
    const twice = [valid.items[0], valid.items[0]]
    expect(errorsOf({ ...valid, items: twice })).toEqual({ 'items.1.productId': '同一商品只能出现一次' })
  })

  it('requires at least one item and one tier, without repeats', () => {
    expect(errorsOf({ ...valid, items: [] })).toEqual({ items: '至少选择一个商品' })
    expect(errorsOf({ ...valid, tiers: [] })).toEqual({ tiers: '至少选择一种群类型' })
    expect(errorsOf({ ...valid, tiers: ['core', 'core'] })).toEqual({ tiers: '群类型重复' })
    expect(errorsOf({ ...valid, tiers: ['vip'] })).toHaveProperty(['tiers.0'])
  })

  it('refuses impossible dates and weekdays, and an end before the start', () => {
    expect(errorsOf({ ...valid, rule: { kind: 'date', day: '2026-02-30' } })).toHaveProperty(['rule.day'])
    expect(errorsOf({ ...valid, rule: { kind: 'date', day: '18/11/2026' } })).toHaveProperty(['rule.day'])
    expect(errorsOf({ ...valid, rule: { kind: 'weekly', weekday: 7 } })).toHaveProperty(['rule.weekday'])
    expect(errorsOf({ ...valid, rule: { kind: 'weekly', weekday: 2.5 } })).toHaveProperty(['rule.weekday'])
    expect(errorsOf({ ...valid, rule: { kind: 'monthly', day: 1 } })).toHaveProperty(['rule.kind'])
    expect(errorsOf({ ...valid, rule: { kind: 'weekly', weekday: 3, startDay: '2026-12-01', endDay: '2026-11-30' } })).toEqual({
      'rule.endDay': '结束日期不能早于开始日期',
    })
  })

  it('refuses an active price day in the past when given the time', () => {
    expect(errorsOf({ ...valid, rule: { kind: 'date', day: '2026-11-17' } }, NOW)).toEqual({ 'rule.day': '日期已过去' })
    expect(errorsOf({ ...valid, rule: { kind: 'date', day: '2026-11-17' }, status: 'archived' }, NOW)).toEqual({})
  })

  it('refuses a missing title and unknown fields', () => {
    expect(errorsOf({ ...valid, title: '  ' })).toEqual({ title: '请填写标题' })
    expect(errorsOf({ ...valid, priceFen: 1 })).toEqual({ priceFen: '不支持的字段' })
  })
})
