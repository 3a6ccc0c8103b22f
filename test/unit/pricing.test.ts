import { priceOrder, type PriceOffer } from '@core/pricing'

const product = { priceFen: 1290 }

describe('priceOrder', () => {
  it('charges the list price times the quantity when there is no offer', () => {
    expect(priceOrder(product, 3)).toEqual({
      unitPriceFen: 1290,
      totalFen: 3870,
      listPriceFen: 1290,
      priceSource: 'list',
    })
  })

  it('applies the lowest eligible offer and records where it came from', () => {
    const offers: PriceOffer[] = [
      { source: 'priceDay', sourceId: 'day-1', unitPriceFen: 990 },
      { source: 'flash', sourceId: 'sale-1', unitPriceFen: 590 },
    ]
    expect(priceOrder(product, 2, offers)).toEqual({
      unitPriceFen: 590,
      totalFen: 1180,
      listPriceFen: 1290,
      priceSource: 'flash',
      sourceId: 'sale-1',
    })
  })

  it('prefers the first offer when two offers have the same price', () => {
    const offers: PriceOffer[] = [
      { source: 'priceDay', sourceId: 'day-1', unitPriceFen: 990 },
      { source: 'flash', sourceId: 'sale-1', unitPriceFen: 990 },
    ]
    expect(priceOrder(product, 1, offers).priceSource).toBe('priceDay')
  })

  it('ignores offers that are not below the list price', () => {
    const offers: PriceOffer[] = [{ source: 'priceDay', sourceId: 'day-1', unitPriceFen: 1290 }]
    expect(priceOrder(product, 1, offers)).toMatchObject({ unitPriceFen: 1290, priceSource: 'list' })
    expect(priceOrder(product, 1, offers)).not.toHaveProperty('sourceId')
  })

  it('prices a free product at zero', () => {
    expect(priceOrder({ priceFen: 0 }, 5).totalFen).toBe(0)
  })

  it('refuses corrupt prices and quantities instead of rounding them', () => {
    expect(() => priceOrder({ priceFen: 12.9 }, 1)).toThrow(RangeError)
    expect(() => priceOrder({ priceFen: -100 }, 1)).toThrow(RangeError)
    expect(() => priceOrder(product, 0)).toThrow(RangeError)
    expect(() => priceOrder(product, 2.5)).toThrow(RangeError)
    expect(() => priceOrder({ priceFen: Number.MAX_SAFE_INTEGER }, 2)).toThrow(RangeError)
    expect(() =>
      priceOrder(product, 1, [{ source: 'flash', sourceId: 's', unitPriceFen: NaN }]),
    ).toThrow(RangeError)
  })
})
