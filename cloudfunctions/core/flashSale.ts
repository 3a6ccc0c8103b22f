/**
 * Flash sales (限量秒杀) as pure rules of the sale document and `now`: the sale's state, who may
 * buy, the refusal an order gets, and the button a member sees. Only the server's `now` counts.
 */
import { fail, type Failure } from './errors'
import type { FlashSale, GroupTier } from './model'
import { MINUTE_MS } from './config'

/** Reminders go out this long before a sale starts. */
export const FLASH_REMIND_LEAD_MS = 5 * MINUTE_MS
/** A reminder that missed its time (the timer was late) is still sent this long after the start. */
export const FLASH_REMIND_GRACE_MS = 5 * MINUTE_MS

export type FlashSaleState = 'upcoming' | 'running' | 'soldOut' | 'ended' | 'stopped'

type SaleTimes = Pick<FlashSale, 'status' | 'startAt' | 'endAt' | 'left'>

/**
 * The sale's state at `now`. A stopped sale stays `stopped`; otherwise time decides, and a running
 * sale with nothing left is `soldOut` (units may come back when unpaid orders expire).
 */
export function flashSaleState(sale: SaleTimes, now: number): FlashSaleState {
  if (sale.status === 'stopped') return 'stopped'
  if (now >= sale.endAt) return 'ended'
  if (now < sale.startAt) return 'upcoming'
  return sale.left > 0 ? 'running' : 'soldOut'
}

/** Tier names (as core/membership's TIER_NAMES), here without zod so client code can import this file. */
export const TIER_LABELS = {
  core: '核心群',
  ordinary: '普通群',
  topic: '垂类群',
  like: '点赞群',
} as const satisfies Record<GroupTier, string>

export type Ineligible = 'login' | 'notMember' | 'wrongTier'

export type Eligibility = { eligible: true } | { eligible: false; reason: Ineligible; message: string }

/** Which tiers a sale is open to, in words: '核心群、普通群'. */
export function tierList(tiers: readonly GroupTier[]): string {
  return tiers.map((tier) => TIER_LABELS[tier]).join('、')
}

/**
 * Whether a member of groups of `memberTiers` may buy in a sale open to `saleTiers` (empty: any
 * registered group). `memberTiers` is null for a caller who is not logged in.
 */
export function flashEligibility(saleTiers: readonly GroupTier[], memberTiers: readonly GroupTier[] | null): Eligibility {
  if (memberTiers === null) return { eligible: false, reason: 'login', message: '请先登录' }
  if (memberTiers.length === 0) {
    return { eligible: false, reason: 'notMember', message: '仅限群友参与，请从群聊中打开小程序' }
  }
  if (saleTiers.length === 0 || memberTiers.some((tier) => saleTiers.includes(tier))) return { eligible: true }
  return { eligible: false, reason: 'wrongTier', message: `本场仅限${tierList(saleTiers)}的群友参与` }
}

/**
 * Why an order of `qty` units in `sale` is refused at `now`, before any write; null when it may
 * go ahead. The conditional write on the sale decides in the end; this only answers early.
 */
export function refuseFlashBuy(
  sale: SaleTimes & Pick<FlashSale, 'perMemberLimit'>,
  now: number,
  qty: number,
): Failure | null {
  if (sale.status === 'stopped') return fail('ENDED', '活动已停止')
  if (now < sale.startAt) return fail('NOT_STARTED')
  if (now >= sale.endAt) return fail('ENDED')
  if (qty > sale.perMemberLimit) return fail('LIMIT_REACHED', `每人限购 ${sale.perMemberLimit} 件`)
  if (sale.left < qty) return sale.left > 0 ? fail('SOLD_OUT', `仅剩 ${sale.left} 件`) : fail('SOLD_OUT')
  return null
}

export type FlashButton = 'notStarted' | 'buy' | 'soldOut' | 'ended' | 'limitReached' | 'notEligible'

export interface FlashButtonState {
  button: FlashButton
  /** Why the member cannot buy, in Chinese, when the button is not `buy`. */
  reason?: string
}

/**
 * The buy button a member sees. Precedence: over (ended/stopped), not eligible (with the reason),
 * not started, limit reached (the member has theirs), sold out, buy.
 */
export function flashButton(
  sale: SaleTimes & Pick<FlashSale, 'perMemberLimit'>,
  now: number,
  member: { bought: number; eligibility: Eligibility },
): FlashButtonState {
  const state = flashSaleState(sale, now)
  if (state === 'stopped') return { button: 'ended', reason: '活动已提前结束' }
  if (state === 'ended') return { button: 'ended', reason: '活动已结束' }
  if (!member.eligibility.eligible) return { button: 'notEligible', reason: member.eligibility.message }
  if (state === 'upcoming') return { button: 'notStarted', reason: '活动尚未开始' }
  if (member.bought >= sale.perMemberLimit) return { button: 'limitReached', reason: `每人限购 ${sale.perMemberLimit} 件` }
  if (state === 'soldOut') return { button: 'soldOut', reason: '已售罄' }
  return { button: 'buy' }
}

/**
 * Whether the start reminders of `sale` are due at `now`: from `FLASH_REMIND_LEAD_MS` before
 * the start until `FLASH_REMIND_GRACE_MS` after it, while the sale is on.
 */
export function remindersDue(sale: Pick<FlashSale, 'status' | 'startAt' | 'endAt'>, now: number): boolean {
  return (
    sale.status === 'scheduled' &&
    now >= sale.startAt - FLASH_REMIND_LEAD_MS &&
    now < sale.startAt + FLASH_REMIND_GRACE_MS &&
    now < sale.endAt
  )
}

/** The claim and reminder id of a member in a sale: one of each per member per sale. */
export function memberSaleId(saleId: string, openid: string): string {
  return `${saleId}:${openid}`
}
