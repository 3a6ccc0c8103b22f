import { isValidFlashSale, validateFlashSale, type FlashSaleInput } from '@core/flashValidation'
import type { FlashSale } from '@core/model'

const START = Date.parse('2026-11-18T20:00:00+08:00')
const HOUR = 3_600_000
const product = { _id: 'p-longjing', priceFen: 12_900 }

function makeInput(overrides: Partial<FlashSaleInput> = {}): FlashSaleInput {
  return {
    productId: 'p-longjing',
    title: '龙井秒杀',
    flashPriceFen: 5_900,
    quantity: 100,
    perMemberLimit: 2,
    tiers: ['core'],
    startAt: START,
    endAt: START + HOUR,
    ...overrides,
  }
}

function other(overrides: Partial<FlashSale> = {}): Pick<FlashSale, '_id' | 'productId' | 'title' | 'startAt' | 'endAt' | 'status'> {
  return { _id: 'sale-other', productId: 'p-longjing', title: '早场', startAt: START - 2 * HOUR, endAt: START, status: 'scheduled', ...overrides }
}

describe('validateFlashSale', () => {
  it('accepts a well-formed sale', () => {
    const errors = validateFlashSale(makeInput(), product, [other()])
    expect(errors).toEqual({})
    expect(isValidFlashSale(errors)).toBe(true)
  })

  it('refuses an end that is not after the start', () => {
    expect(validateFlashSale(makeInput({ endAt: START }), product, [])).toEqual({ endAt: '结束时间需晚于开始时间' })
    expect(validateFlashSale(makeInput({ endAt: START - 1 }), product, [])).toEqual({ endAt: '结束时间需晚于开始时间' })
  })

  it('refuses a flash price that is not below the list price', () => {
    expect(validateFlashSale(makeInput({ flashPriceFen: 12_900 }), product, [])).toEqual({ flashPriceFen: '秒杀价需低于原价 ¥129.00' })
    expect(validateFlashSale(makeInput({ flashPriceFen: 0 }), product, [])).toHaveProperty('flashPriceFen')
    expect(validateFlashSale(makeInput({ flashPriceFen: 59.5 }), product, [])).toHaveProperty('flashPriceFen')
  })

  it('refuses a quantity or a limit below 1, or not a whole number', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(Object.keys(validateFlashSale(makeInput({ quantity: bad, perMemberLimit: bad }), product, []))).toEqual([
        'quantity',
        'perMemberLimit',
      ])
    }
  })

  it('refuses a missing product, an empty title and unknown or repeated tiers', () => {
    expect(validateFlashSale(makeInput(), null, [])).toEqual({ productId: '请选择一个存在的商品' })
    expect(validateFlashSale(makeInput({ title: '   ' }), product, [])).toEqual({ title: '请填写活动名称' })
    expect(validateFlashSale(makeInput({ tiers: ['vip' as never] }), product, [])).toEqual({ tiers: '参与群类型无效' })
    expect(validateFlashSale(makeInput({ tiers: ['core', 'core'] }), product, [])).toEqual({ tiers: '参与群类型有重复' })
  })

  it('refuses a sale that overlaps another sale of the same product and names it', () => {
    const clash = other({ startAt: START + HOUR / 2, endAt: START + 2 * HOUR, title: '晚场' })
    expect(validateFlashSale(makeInput(), product, [clash])).toEqual({ startAt: '与同一商品的秒杀「晚场」时间重叠' })
    const inside = other({ startAt: START + 1, endAt: START + 2 })
    expect(validateFlashSale(makeInput(), product, [inside])).toHaveProperty('startAt')
  })

  it('allows back-to-back sales, other products, stopped sales and the sale being edited', () => {
    const sales = [
      other({ startAt: START + HOUR, endAt: START + 2 * HOUR }),
      other({ _id: 'sale-b', productId: 'p-other' }),
      other({ _id: 'sale-c', status: 'stopped', startAt: START, endAt: START + HOUR }),
      other({ _id: 'sale-self', startAt: START, endAt: START + HOUR }),
    ]
    expect(validateFlashSale(makeInput({ _id: 'sale-self' }), product, sales)).toEqual({})
  })
})
