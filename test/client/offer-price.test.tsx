import { render } from '@testing-library/react'
import { OfferPrice } from '@/components/offer-price'
import { priceDisplay } from '@/components/offer-price/utils'
import { makeOffer, makeProductCard } from './builders'

const JOIN_HINT = '仅限群友：从品牌群聊打开小程序即可享群友价'

describe('the price a product shows', () => {
  it('shows a qualifying member the member price, tagged, with the list price struck through', () => {
    const card = makeProductCard({ priceFen: 4900, listPriceFen: 6800, priceDay: makeOffer({ memberPriceFen: 4900, eligible: true }) })
    expect(priceDisplay(card)).toEqual({ payFen: 4900, strikeFen: 6800, memberPrice: true })

    const { container } = render(<OfferPrice product={card} />)
    expect(container.querySelector('.offer-price__tag')?.textContent).toBe('群友价')
    expect(container.querySelector('.price--md')?.textContent).toBe('¥49.00')
    expect(container.querySelector('.price--strike')?.textContent).toBe('¥68.00')
  })

  it('shows a non-member the list price, and the member price greyed with how to join', () => {
    const card = makeProductCard({
      priceFen: 6800,
      listPriceFen: 6800,
      priceDay: makeOffer({ memberPriceFen: 4900, eligible: false, reason: JOIN_HINT }),
    })
    expect(priceDisplay(card)).toEqual({ payFen: 6800, memberPrice: false, lockedFen: 4900, reason: JOIN_HINT })

    const { container } = render(<OfferPrice product={card} withReason />)
    expect(container.querySelector('.offer-price__row .price')?.textContent).toBe('¥68.00')
    expect(container.querySelector('.offer-price__row .price--strike')).toBeNull()
    expect(container.querySelector('.offer-price__tag')).toBeNull()
    expect(container.querySelector('.offer-price__locked')?.textContent).toContain('¥49.00')
    expect(container.querySelector('.offer-price__reason')?.textContent).toBe(JOIN_HINT)
  })

  it('tells a member of another tier which groups qualify', () => {
    const card = makeProductCard({ priceDay: makeOffer({ eligible: false, reason: '仅限核心群群友', tiers: ['core'] }) })
    expect(priceDisplay(card).reason).toBe('仅限核心群群友')
  })

  it('keeps the reason off the product card', () => {
    const card = makeProductCard({ priceDay: makeOffer({ eligible: false, reason: JOIN_HINT }) })
    const { container } = render(<OfferPrice product={card} />)
    expect(container.textContent).not.toContain(JOIN_HINT)
  })

  it('shows a plain price when no price day includes the product', () => {
    const card = makeProductCard({ priceFen: 6800, listPriceFen: 6800 })
    expect(priceDisplay(card)).toEqual({ payFen: 6800, memberPrice: false })
    expect(render(<OfferPrice product={card} />).container.textContent).toBe('¥68.00')
  })
})
