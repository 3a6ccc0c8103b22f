import {
  flashButton,
  flashEligibility,
  flashSaleState,
  FLASH_REMIND_GRACE_MS,
  FLASH_REMIND_LEAD_MS,
  refuseFlashBuy,
  remindersDue,
  type Eligibility,
} from '@core/flashSale'
import type { FlashSale } from '@core/model'

const START = Date.parse('2026-11-18T20:00:00+08:00')
const END = START + 3_600_000

function makeSale(overrides: Partial<FlashSale> = {}): FlashSale {
  return {
    _id: 'sale-1',
    productId: 'p-longjing',
    title: '龙井秒杀',
    flashPriceFen: 5_900,
    quantity: 100,
    left: 100,
    reserved: 0,
    paid: 0,
    perMemberLimit: 2,
    tiers: [],
    startAt: START,
    endAt: END,
    status: 'scheduled',
    createdAt: START - 86_400_000,
    updatedAt: START - 86_400_000,
    ...overrides,
  }
}

const ELIGIBLE: Eligibility = { eligible: true }

describe('flashSaleState', () => {
  it('is upcoming before the start, running from the start, and ended from the end', () => {
    const sale = makeSale()
    expect(flashSaleState(sale, START - 1)).toBe('upcoming')
    expect(flashSaleState(sale, START)).toBe('running')
    expect(flashSaleState(sale, END - 1)).toBe('running')
    expect(flashSaleState(sale, END)).toBe('ended')
  })

  it('is sold out while running with nothing left', () => {
    expect(flashSaleState(makeSale({ left: 0 }), START + 1)).toBe('soldOut')
    expect(flashSaleState(makeSale({ left: 0 }), START - 1)).toBe('upcoming')
  })

  it('is stopped once the operator pulled the kill switch, whatever the time', () => {
    const sale = makeSale({ status: 'stopped', stoppedAt: START + 10 })
    expect(flashSaleState(sale, START - 1)).toBe('stopped')
    expect(flashSaleState(sale, START + 20)).toBe('stopped')
  })
})

describe('flashEligibility', () => {
  it('asks a caller who is not logged in to log in', () => {
    expect(flashEligibility([], null)).toMatchObject({ eligible: false, reason: 'login' })
  })

  it('refuses someone in no registered group and tells them how to join', () => {
    expect(flashEligibility([], [])).toEqual({
      eligible: false,
      reason: 'notMember',
      message: '仅限群友参与，请从群聊中打开小程序',
    })
  })

  it('lets a member of any group buy when the sale names no tiers', () => {
    expect(flashEligibility([], ['like'])).toEqual({ eligible: true })
  })

  it('lets a member buy when one of their groups has a qualifying tier', () => {
    expect(flashEligibility(['core', 'topic'], ['ordinary', 'topic'])).toEqual({ eligible: true })
  })

  it('refuses a member of other tiers and names the tiers that qualify', () => {
    expect(flashEligibility(['core', 'ordinary'], ['like'])).toEqual({
      eligible: false,
      reason: 'wrongTier',
      message: '本场仅限核心群、普通群的群友参与',
    })
  })
})

describe('refuseFlashBuy', () => {
  it('lets an order through while the sale runs and has enough left', () => {
    expect(refuseFlashBuy(makeSale(), START, 2)).toBeNull()
  })

  it('refuses before the start and from the end', () => {
    expect(refuseFlashBuy(makeSale(), START - 1, 1)).toMatchObject({ code: 'NOT_STARTED' })
    expect(refuseFlashBuy(makeSale(), END, 1)).toMatchObject({ code: 'ENDED' })
  })

  it('refuses a stopped sale as ended', () => {
    expect(refuseFlashBuy(makeSale({ status: 'stopped' }), START + 1, 1)).toEqual({ ok: false, code: 'ENDED', message: '活动已停止' })
  })

  it('refuses more than the per-member limit in one order', () => {
    expect(refuseFlashBuy(makeSale({ perMemberLimit: 2 }), START, 3)).toEqual({
      ok: false,
      code: 'LIMIT_REACHED',
      message: '每人限购 2 件',
    })
  })

  it('answers sold out when nothing is left, and how many are left when fewer than asked', () => {
    expect(refuseFlashBuy(makeSale({ left: 0 }), START, 1)).toMatchObject({ code: 'SOLD_OUT', message: '已售罄' })
    expect(refuseFlashBuy(makeSale({ left: 1 }), START, 2)).toMatchObject({ code: 'SOLD_OUT', message: '仅剩 1 件' })
  })
})

describe('flashButton', () => {
  const member = (bought = 0, eligibility: Eligibility = ELIGIBLE) => ({ bought, eligibility })

  it('shows buy to an eligible member while the sale runs', () => {
    expect(flashButton(makeSale(), START, member())).toEqual({ button: 'buy' })
  })

  it('shows not started before the start', () => {
    expect(flashButton(makeSale(), START - 1, member())).toMatchObject({ button: 'notStarted' })
  })

  it('shows ended after the end and after the kill switch', () => {
    expect(flashButton(makeSale(), END, member())).toMatchObject({ button: 'ended', reason: '活动已结束' })
    expect(flashButton(makeSale({ status: 'stopped' }), START, member())).toMatchObject({ button: 'ended', reason: '活动已提前结束' })
  })

  it('shows sold out when nothing is left', () => {
    expect(flashButton(makeSale({ left: 0 }), START, member())).toMatchObject({ button: 'soldOut' })
  })

  it('shows limit reached to a member who holds the limit, even when sold out', () => {
    expect(flashButton(makeSale(), START, member(2))).toEqual({ button: 'limitReached', reason: '每人限购 2 件' })
    expect(flashButton(makeSale({ left: 0 }), START, member(2))).toMatchObject({ button: 'limitReached' })
  })

  it('shows not eligible with the reason, before and during the sale', () => {
    const wrongTier = flashEligibility(['core'], ['like'])
    expect(flashButton(makeSale({ tiers: ['core'] }), START - 1, member(0, wrongTier))).toEqual({
      button: 'notEligible',
      reason: '本场仅限核心群的群友参与',
    })
    expect(flashButton(makeSale({ tiers: ['core'] }), START, member(0, wrongTier))).toMatchObject({ button: 'notEligible' })
  })
})

describe('remindersDue', () => {
  it('is due from the lead time before the start until the grace time after it', () => {
    const sale = makeSale()
    expect(remindersDue(sale, START - FLASH_REMIND_LEAD_MS - 1)).toBe(false)
    expect(remindersDue(sale, START - FLASH_REMIND_LEAD_MS)).toBe(true)
    expect(remindersDue(sale, START + FLASH_REMIND_GRACE_MS - 1)).toBe(true)
    expect(remindersDue(sale, START + FLASH_REMIND_GRACE_MS)).toBe(false)
  })

  it('is never due for a stopped sale or one that has ended', () => {
    expect(remindersDue(makeSale({ status: 'stopped' }), START)).toBe(false)
    expect(remindersDue(makeSale({ endAt: START + 1 }), START + 1)).toBe(false)
  })
})
