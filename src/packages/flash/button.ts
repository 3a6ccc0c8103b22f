/**
 * The flash sale page's buttons from the server's answer. The server decides the state (by its
 * clock, the member's groups and what they bought); this only turns it into words.
 */
import type { FlashSaleView } from '@core/contract'
import type { FlashButton } from '@core/flashSale'
import { MAX_QTY } from '@/components/buy-sheet/utils'

export const FLASH_BUTTON_TEXT = {
  notStarted: '未开始',
  buy: '立即抢购',
  soldOut: '已抢光',
  ended: '已结束',
  limitReached: '已达限购',
  notEligible: '不符合条件',
} as const satisfies Record<FlashButton, string>

export interface FlashButtonView {
  text: string
  /** Tapping buys. */
  canBuy: boolean
  /** The line under the button: the limit, or why not (the server's reason). */
  note: string
}

type ButtonInput = Pick<FlashSaleView, 'button' | 'reason' | 'perMemberLimit' | 'bought'>

export function flashButtonView(sale: ButtonInput, busy = false): FlashButtonView {
  const limit = `每人限购 ${sale.perMemberLimit} 件`
  if (sale.button === 'buy') {
    return {
      text: busy ? '抢购中…' : FLASH_BUTTON_TEXT.buy,
      canBuy: !busy,
      note: sale.bought > 0 ? `已抢 ${sale.bought} 件 · ${limit}` : limit,
    }
  }
  const text = FLASH_BUTTON_TEXT[sale.button]
  switch (sale.button) {
    case 'soldOut':
      // Unpaid orders expire and give their units back, so sold out may not be final.
      return { text, canBuy: false, note: '已被抢光，未支付的订单超时后会放回名额' }
    case 'limitReached':
      return { text, canBuy: false, note: `你已抢到 ${sale.bought} 件 · ${limit}` }
    case 'notStarted':
      return { text, canBuy: false, note: `开抢后按先后顺序 · ${limit}` }
    default:
      return { text, canBuy: false, note: sale.reason ?? text }
  }
}

export interface RemindView {
  text: string
  enabled: boolean
}

/** 提醒我 while a sale the member may join has not started; null otherwise. */
export function remindView(sale: Pick<FlashSaleView, 'button' | 'state' | 'reminded'>): RemindView | null {
  if (sale.state !== 'upcoming' || sale.button !== 'notStarted') return null
  return sale.reminded ? { text: '已设提醒', enabled: false } : { text: '提醒我', enabled: true }
}

/** The most units one tap may buy: what is left, within the member's remaining limit. */
export function flashMaxQty(sale: Pick<FlashSaleView, 'left' | 'perMemberLimit' | 'bought'>): number {
  return Math.max(0, Math.min(sale.left, sale.perMemberLimit - sale.bought, MAX_QTY))
}

export type SubscribeOutcome = 'accept' | 'reject' | 'ban' | 'filter' | 'failed'

/** What the person chose for `templateId` in `requestSubscribeMessage`'s answer. */
export function subscribeOutcome(answer: unknown, templateId: string): SubscribeOutcome {
  const choice = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>)[templateId] : undefined
  return choice === 'accept' || choice === 'reject' || choice === 'ban' || choice === 'filter' ? choice : 'failed'
}

export const SUBSCRIBE_REFUSALS = {
  reject: '你没有允许提醒，开抢前不会通知你',
  ban: '提醒已被关闭，可在小程序设置里打开订阅消息',
  filter: '提醒模板不可用，请联系运营',
  failed: '暂时无法设置提醒，请稍后再试',
} as const satisfies Record<Exclude<SubscribeOutcome, 'accept'>, string>
