import { FLASH_BUTTON_TEXT, flashButtonView, flashMaxQty, remindView, subscribeOutcome } from '@/packages/flash/button'
import { makeSale } from './builders'

describe('the flash sale button', () => {
  it.each([
    ['notStarted', '未开始'],
    ['buy', '立即抢购'],
    ['soldOut', '已抢光'],
    ['ended', '已结束'],
    ['limitReached', '已达限购'],
    ['notEligible', '不符合条件'],
  ] as const)('reads %s as %s', (button, text) => {
    expect(flashButtonView(makeSale({ button })).text).toBe(text)
    expect(FLASH_BUTTON_TEXT[button]).toBe(text)
  })

  it('lets a member buy only when the server says buy', () => {
    const buttons = Object.keys(FLASH_BUTTON_TEXT) as Array<keyof typeof FLASH_BUTTON_TEXT>
    const buyable = buttons.filter((button) => flashButtonView(makeSale({ button })).canBuy)
    expect(buyable).toEqual(['buy'])
  })

  it('is not tappable twice while an order is being placed', () => {
    const view = flashButtonView(makeSale({ button: 'buy' }), true)
    expect(view).toMatchObject({ text: '抢购中…', canBuy: false })
  })

  it('tells a member who may not buy why, in the words of the server', () => {
    const view = flashButtonView(makeSale({ button: 'notEligible', reason: '本场仅限核心群的群友参与' }))
    expect(view.note).toBe('本场仅限核心群的群友参与')
  })

  it('shows the per-member limit and what the member already holds', () => {
    expect(flashButtonView(makeSale({ button: 'buy', perMemberLimit: 2, bought: 0 })).note).toBe('每人限购 2 件')
    expect(flashButtonView(makeSale({ button: 'buy', perMemberLimit: 2, bought: 1 })).note).toBe('已抢 1 件 · 每人限购 2 件')
    expect(flashButtonView(makeSale({ button: 'limitReached', perMemberLimit: 2, bought: 2 })).note).toBe('你已抢到 2 件 · 每人限购 2 件')
  })

  it('says a sold-out sale may get units back from unpaid orders', () => {
    expect(flashButtonView(makeSale({ button: 'soldOut', left: 0 })).note).toContain('未支付的订单超时后会放回名额')
  })
})

describe('提醒我', () => {
  it('is offered before the start to a member who may buy, once', () => {
    expect(remindView(makeSale({ state: 'upcoming', button: 'notStarted' }))).toEqual({ text: '提醒我', enabled: true })
    expect(remindView(makeSale({ state: 'upcoming', button: 'notStarted', reminded: true }))).toEqual({ text: '已设提醒', enabled: false })
  })

  it('is not offered once the sale runs, or to someone who may not buy', () => {
    expect(remindView(makeSale({ state: 'running', button: 'buy' }))).toBeNull()
    expect(remindView(makeSale({ state: 'upcoming', button: 'notEligible' }))).toBeNull()
  })

  it('reads the person’s choice for the template from requestSubscribeMessage', () => {
    expect(subscribeOutcome({ errMsg: 'requestSubscribeMessage:ok', T1: 'accept' }, 'T1')).toBe('accept')
    expect(subscribeOutcome({ errMsg: 'requestSubscribeMessage:ok', T1: 'reject' }, 'T1')).toBe('reject')
    expect(subscribeOutcome({ errMsg: 'requestSubscribeMessage:ok', T2: 'accept' }, 'T1')).toBe('failed')
    expect(subscribeOutcome({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 }, 'T1')).toBe('failed')
  })
})

describe('how many units one tap may buy', () => {
  it('is the least of what is left and what the member may still buy', () => {
    expect(flashMaxQty(makeSale({ left: 40, perMemberLimit: 2, bought: 0 }))).toBe(2)
    expect(flashMaxQty(makeSale({ left: 40, perMemberLimit: 2, bought: 1 }))).toBe(1)
    expect(flashMaxQty(makeSale({ left: 1, perMemberLimit: 5, bought: 0 }))).toBe(1)
    expect(flashMaxQty(makeSale({ left: 0, perMemberLimit: 2, bought: 0 }))).toBe(0)
  })
})
