/**
 * Member-price days (群友价日): which price days run on a China calendar day, when the next one
 * starts, and what a member is offered. Pure: `now` and the member's tiers are parameters.
 */
import type { GroupTier, PriceDay, PriceDayItem } from './model'
import { TIER_NAMES } from './membership'
import type { PriceOffer } from './pricing'
import { cnDay, DAY_MS, endOfCnDay, parseCnDay, startOfCnDay, weekday } from './time'

/** What a non-member is told: how to get member prices. */
export const JOIN_HINT = '仅限群友：从品牌群聊打开小程序即可享群友价'

/**
 * True when `priceDay` runs on `day` ('YYYY-MM-DD', China time): it is active and its rule
 * names that date, or that weekday within the rule's bounds.
 */
export function runsOn(priceDay: Pick<PriceDay, 'status' | 'rule'>, day: string): boolean {
  if (priceDay.status !== 'active') return false
  const { rule } = priceDay
  if (rule.kind === 'date') return rule.day === day
  const start = parseCnDay(day)
  if (start === null || weekday(start) !== rule.weekday) return false
  // 'YYYY-MM-DD' strings compare in calendar order.
  if (rule.startDay !== undefined && day < rule.startDay) return false
  if (rule.endDay !== undefined && day > rule.endDay) return false
  return true
}

/** The price days running at `now` (on its China calendar day). */
export function priceDaysOn<T extends Pick<PriceDay, 'status' | 'rule'>>(priceDays: readonly T[], now: number): T[] {
  const day = cnDay(now)
  return priceDays.filter((p) => runsOn(p, day))
}

/** Epoch ms of 00:00 China time of the first day after `now`'s day on which `priceDay` runs, or null. */
export function nextStartOf(priceDay: Pick<PriceDay, 'status' | 'rule'>, now: number): number | null {
  if (priceDay.status !== 'active') return null
  const tomorrow = startOfCnDay(now) + DAY_MS
  const { rule } = priceDay
  if (rule.kind === 'date') {
    const start = parseCnDay(rule.day)
    return start !== null && start >= tomorrow ? start : null
  }
  const bound = rule.startDay === undefined ? null : parseCnDay(rule.startDay)
  const from = bound !== null && bound > tomorrow ? bound : tomorrow
  // China has no daylight saving, so a day is always DAY_MS long.
  const ahead = (rule.weekday - weekday(from) + 7) % 7
  const start = from + ahead * DAY_MS
  if (rule.endDay !== undefined && cnDay(start) > rule.endDay) return null
  return start
}

/**
 * True when `priceDay` can no longer run on `now`'s China day or any later one: a date rule for
 * an earlier day, or a weekly rule whose last day has passed. Such price days can be archived.
 */
export function hasEnded(priceDay: Pick<PriceDay, 'rule'>, now: number): boolean {
  const today = cnDay(now)
  const { rule } = priceDay
  if (rule.kind === 'date') return rule.day < today
  return rule.endDay !== undefined && rule.endDay < today
}

/** When the next price day after today starts (for the home countdown), or null when none is scheduled. */
export function nextPriceDayAt(priceDays: readonly Pick<PriceDay, 'status' | 'rule'>[], now: number): number | null {
  let next: number | null = null
  for (const priceDay of priceDays) {
    const start = nextStartOf(priceDay, now)
    if (start !== null && (next === null || start < next)) next = start
  }
  return next
}

/** When the price day running at `now` ends: 23:59:59.999 China time. */
export function priceDayEndAt(now: number): number {
  return endOfCnDay(now)
}

/**
 * Why a member with `memberTiers` does not qualify for a price day open to `tiers`, or null when
 * they do. `memberTiers` empty means not a member of any registered group.
 */
export function ineligibleReason(tiers: readonly GroupTier[], memberTiers: readonly GroupTier[]): string | null {
  if (memberTiers.some((tier) => tiers.includes(tier))) return null
  if (memberTiers.length === 0) return JOIN_HINT
  return `仅限${tiers.map((tier) => TIER_NAMES[tier]).join('、')}群友`
}

/** A price day's offer on one product for one member. */
export interface PriceDayMatch {
  priceDay: PriceDay
  item: PriceDayItem
  eligible: boolean
  reason?: string
}

/**
 * The price-day offer on `productId` for a member with `memberTiers`, among the price days
 * running today: the lowest member price the member qualifies for, else (to show why not) the
 * lowest one they do not. Null when no price day today includes the product.
 */
export function matchPriceDay(
  runningToday: readonly PriceDay[],
  productId: string,
  memberTiers: readonly GroupTier[],
): PriceDayMatch | null {
  let eligible: PriceDayMatch | null = null
  let other: PriceDayMatch | null = null
  for (const priceDay of runningToday) {
    const item = priceDay.items.find((i) => i.productId === productId)
    if (!item) continue
    const reason = ineligibleReason(priceDay.tiers, memberTiers)
    if (reason === null) {
      if (!eligible || item.memberPriceFen < eligible.item.memberPriceFen) eligible = { priceDay, item, eligible: true }
    } else if (!other || item.memberPriceFen < other.item.memberPriceFen) {
      other = { priceDay, item, eligible: false, reason }
    }
  }
  return eligible ?? other
}

/** The order-pricing offer of an eligible match (see core/pricing). */
export function toPriceOffer(match: PriceDayMatch): PriceOffer {
  return { source: 'priceDay', sourceId: match.priceDay._id, unitPriceFen: match.item.memberPriceFen }
}

/**
 * The id of the counter of units `openid` bought of `productId` at `priceDayId`'s member price
 * on `day`. Deterministic, so concurrent orders meet on one document; ids cannot contain ':'.
 */
export function priceDayClaimId(priceDayId: string, day: string, productId: string, openid: string): string {
  return `${priceDayId}:${day}:${productId}:${openid}`
}
