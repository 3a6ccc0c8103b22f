import type { GroupTier, PriceDay } from '@core/model'
import {
  hasEnded,
  ineligibleReason,
  JOIN_HINT,
  matchPriceDay,
  nextPriceDayAt,
  priceDayClaimId,
  priceDayEndAt,
  priceDaysOn,
  runsOn,
  toPriceOffer,
} from '@core/priceDay'

const at = (iso: string): number => Date.parse(iso)
/** Wednesday 2026-11-18, 10:00 in China. */
const WED = at('2026-11-18T10:00:00+08:00')

function makePriceDay(overrides: Partial<PriceDay> = {}): PriceDay {
  return {
    _id: 'pd-1',
    title: '周三群友价',
    rule: { kind: 'date', day: '2026-11-18' },
    items: [{ productId: 'p-tea', memberPriceFen: 9_900, limitPerMember: 2 }],
    tiers: ['core'],
    status: 'active',
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  }
}

describe('which price days run', () => {
  it('runs a date rule on that China day only', () => {
    const pd = makePriceDay()
    expect(runsOn(pd, '2026-11-18')).toBe(true)
    expect(runsOn(pd, '2026-11-19')).toBe(false)
  })

  it('uses the China calendar day, not UTC', () => {
    const pd = makePriceDay()
    // 2026-11-17T16:30Z is 00:30 on the 18th in China; 2026-11-18T16:30Z is already the 19th.
    expect(priceDaysOn([pd], at('2026-11-17T16:30:00Z'))).toEqual([pd])
    expect(priceDaysOn([pd], at('2026-11-17T15:59:59.999Z'))).toEqual([])
    expect(priceDaysOn([pd], at('2026-11-18T16:00:00Z'))).toEqual([])
  })

  it('runs a weekly rule on its weekday in +08:00 within its bounds', () => {
    const wednesdays = makePriceDay({ rule: { kind: 'weekly', weekday: 3 } })
    expect(priceDaysOn([wednesdays], WED)).toEqual([wednesdays])
    // 23:30 UTC on Tuesday is 07:30 Wednesday in China.
    expect(priceDaysOn([wednesdays], at('2026-11-17T23:30:00Z'))).toEqual([wednesdays])
    expect(priceDaysOn([wednesdays], at('2026-11-18T16:00:00Z'))).toEqual([])
    const bounded = makePriceDay({ rule: { kind: 'weekly', weekday: 3, startDay: '2026-11-19', endDay: '2026-12-31' } })
    expect(runsOn(bounded, '2026-11-18')).toBe(false)
    expect(runsOn(bounded, '2026-11-25')).toBe(true)
    expect(runsOn(bounded, '2027-01-06')).toBe(false)
  })

  it('does not run archived price days', () => {
    expect(runsOn(makePriceDay({ status: 'archived' }), '2026-11-18')).toBe(false)
  })

  it('ends the price day at the last millisecond of the China day', () => {
    expect(priceDayEndAt(WED)).toBe(at('2026-11-18T23:59:59.999+08:00'))
  })
})

describe('the next price day', () => {
  it('counts down to 00:00 China time of the next date after today', () => {
    const days = [makePriceDay({ rule: { kind: 'date', day: '2026-11-18' } }), makePriceDay({ rule: { kind: 'date', day: '2026-11-20' } })]
    expect(nextPriceDayAt(days, WED)).toBe(at('2026-11-20T00:00:00+08:00'))
  })

  it('finds the next matching weekday, respecting the bounds', () => {
    expect(nextPriceDayAt([makePriceDay({ rule: { kind: 'weekly', weekday: 3 } })], WED)).toBe(at('2026-11-25T00:00:00+08:00'))
    expect(nextPriceDayAt([makePriceDay({ rule: { kind: 'weekly', weekday: 5 } })], WED)).toBe(at('2026-11-20T00:00:00+08:00'))
    expect(nextPriceDayAt([makePriceDay({ rule: { kind: 'weekly', weekday: 4 } })], WED)).toBe(at('2026-11-19T00:00:00+08:00'))
    const later = makePriceDay({ rule: { kind: 'weekly', weekday: 1, startDay: '2026-12-01' } })
    expect(nextPriceDayAt([later], WED)).toBe(at('2026-12-07T00:00:00+08:00'))
    const over = makePriceDay({ rule: { kind: 'weekly', weekday: 1, endDay: '2026-11-22' } })
    expect(nextPriceDayAt([over], WED)).toBeNull()
  })

  it('is null with no upcoming active price day', () => {
    expect(nextPriceDayAt([], WED)).toBeNull()
    expect(nextPriceDayAt([makePriceDay({ rule: { kind: 'date', day: '2026-11-01' } })], WED)).toBeNull()
    expect(nextPriceDayAt([makePriceDay({ rule: { kind: 'date', day: '2026-11-30' }, status: 'archived' })], WED)).toBeNull()
  })
})

describe('a member offer', () => {
  const core = makePriceDay({ _id: 'pd-core', tiers: ['core'] })

  it('gives a qualifying member the member price as a priceDay offer', () => {
    const match = matchPriceDay([core], 'p-tea', ['ordinary', 'core'])
    expect(match).toMatchObject({ eligible: true, item: { memberPriceFen: 9_900 } })
    expect(toPriceOffer(match!)).toEqual({ source: 'priceDay', sourceId: 'pd-core', unitPriceFen: 9_900 })
  })

  it('tells a member of another tier which tiers qualify', () => {
    expect(matchPriceDay([core], 'p-tea', ['ordinary'])).toMatchObject({ eligible: false, reason: '仅限核心群群友' })
    expect(ineligibleReason(['core', 'topic'] as GroupTier[], ['like'])).toBe('仅限核心群、垂类群群友')
  })

  it('tells a non-member how to join', () => {
    expect(matchPriceDay([core], 'p-tea', [])).toMatchObject({ eligible: false, reason: JOIN_HINT })
  })

  it('has nothing for a product on no price day', () => {
    expect(matchPriceDay([core], 'p-other', ['core'])).toBeNull()
  })

  it('picks the lowest price the member qualifies for over a lower one they do not', () => {
    const likes = makePriceDay({ _id: 'pd-like', tiers: ['like'], items: [{ productId: 'p-tea', memberPriceFen: 5_000, limitPerMember: 1 }] })
    const cheaper = makePriceDay({ _id: 'pd-core-2', items: [{ productId: 'p-tea', memberPriceFen: 8_800, limitPerMember: 1 }] })
    expect(matchPriceDay([likes, core, cheaper], 'p-tea', ['core'])).toMatchObject({ eligible: true, priceDay: { _id: 'pd-core-2' } })
    expect(matchPriceDay([core, likes], 'p-tea', ['ordinary'])).toMatchObject({ eligible: false, priceDay: { _id: 'pd-like' } })
  })

  it('keys the per-member counter by price day, day, product and member', () => {
    expect(priceDayClaimId('pd-1', '2026-11-18', 'p-tea', 'o-1')).toBe('pd-1:2026-11-18:p-tea:o-1')
  })
})

describe('which price days have ended', () => {
  it('ends a date rule once its China day is over, not before', () => {
    const pd = makePriceDay({ rule: { kind: 'date', day: '2026-11-18' } })
    expect(hasEnded(pd, at('2026-11-18T23:59:59.999+08:00'))).toBe(false)
    expect(hasEnded(pd, at('2026-11-19T00:00:00+08:00'))).toBe(true)
    // 16:00 UTC on the 18th is already the 19th in China.
    expect(hasEnded(pd, at('2026-11-18T16:00:00Z'))).toBe(true)
  })

  it('ends a weekly rule after its last day, and never one without a last day', () => {
    expect(hasEnded(makePriceDay({ rule: { kind: 'weekly', weekday: 3, endDay: '2026-11-18' } }), WED)).toBe(false)
    expect(hasEnded(makePriceDay({ rule: { kind: 'weekly', weekday: 3, endDay: '2026-11-17' } }), WED)).toBe(true)
    expect(hasEnded(makePriceDay({ rule: { kind: 'weekly', weekday: 3, startDay: '2020-01-01' } }), WED)).toBe(false)
  })
})
