/**
 * Member-price days at run time: what the shop shows a caller today, the offer an order gets,
 * and the per-member limit, held by one conditional counter per member, product, price day and
 * day (`priceDayClaims`), never by counting orders.
 */
import type { PriceDayOfferView, PriceDayTodayView, ProductCard } from '../core/contract'
import { fail, type Failure } from '../core/errors'
import type { GroupTier, PriceDay, PriceDayClaim, Product } from '../core/model'
import {
  ineligibleReason,
  matchPriceDay,
  nextPriceDayAt,
  priceDayClaimId,
  priceDayEndAt,
  priceDaysOn,
  toPriceOffer,
  type PriceDayMatch,
} from '../core/priceDay'
import type { PriceOffer } from '../core/pricing'
import { cnDay } from '../core/time'
import type { Db, Deps } from '../platform/ports'
import { instanceCache, type CacheDeps } from './instanceCache'
import { currentGroupsOf } from './membership'

/** Active price days beyond this many are not loaded (operators archive old ones). */
const PRICE_DAYS_MAX = 500
const PAGE = 100

/** Every active price day, read fresh. */
export async function loadActivePriceDays(db: Db): Promise<PriceDay[]> {
  const all: PriceDay[] = []
  while (all.length < PRICE_DAYS_MAX) {
    const page = await db.query('priceDays', { status: 'active' }, { orderBy: [['_id', 'asc']], limit: PAGE, skip: all.length })
    all.push(...page)
    if (page.length < PAGE) break
  }
  return all
}

const cached = instanceCache<PriceDay[]>()

/** Active price days for display, from the instance cache when fresh (orders read them fresh). */
export function activePriceDays(deps: CacheDeps): Promise<PriceDay[]> {
  return cached.get(deps, () => loadActivePriceDays(deps.db))
}

/** Drops this instance's cached price days (call after an operator changes one). */
export function forgetPriceDays(db: Db): void {
  cached.forget(db)
}

// ---------------------------------------------------------------------------------------------
// What the shop shows.

/** Today's price days as one caller (with these group tiers) sees them. */
export interface PriceDayShelf {
  /** Today's offer on the product for this caller, if a price day today includes it. */
  offerFor(productId: string): PriceDayOfferView | undefined
  /** Price days running today, and when the next one after today starts. */
  today: PriceDay[]
  nextPriceDayAt: number | null
  tiers: GroupTier[]
  endAt: number
}

function toOfferView(match: PriceDayMatch, endAt: number): PriceDayOfferView {
  const view: PriceDayOfferView = {
    priceDayId: match.priceDay._id,
    title: match.priceDay.title,
    memberPriceFen: match.item.memberPriceFen,
    limitPerMember: match.item.limitPerMember,
    tiers: match.priceDay.tiers,
    eligible: match.eligible,
    endAt,
  }
  if (match.reason) view.reason = match.reason
  return view
}

export function priceDayShelf(active: readonly PriceDay[], tiers: GroupTier[], now: number): PriceDayShelf {
  const today = priceDaysOn(active, now)
  const endAt = priceDayEndAt(now)
  return {
    offerFor(productId) {
      const match = today.length > 0 ? matchPriceDay(today, productId, tiers) : null
      return match ? toOfferView(match, endAt) : undefined
    },
    today,
    nextPriceDayAt: nextPriceDayAt(active, now),
    tiers,
    endAt,
  }
}

/** Today's price days with their listed products as cards (`card` prices them for the caller). */
export function todayViews(
  shelf: PriceDayShelf,
  productOf: (productId: string) => Product | undefined,
  card: (product: Product) => ProductCard,
): PriceDayTodayView[] {
  return shelf.today.map((priceDay) => {
    const reason = ineligibleReason(priceDay.tiers, shelf.tiers)
    const items: ProductCard[] = []
    for (const item of priceDay.items) {
      const product = productOf(item.productId)
      if (product) items.push(card(product))
    }
    const view: PriceDayTodayView = {
      _id: priceDay._id,
      title: priceDay.title,
      tiers: priceDay.tiers,
      endAt: shelf.endAt,
      eligible: reason === null,
      items,
    }
    if (reason !== null) view.reason = reason
    return view
  })
}

// ---------------------------------------------------------------------------------------------
// Orders.

/** The per-member counter an order at the member price counts against. */
export interface PriceDayHold {
  claimId: string
  priceDayId: string
  day: string
  productId: string
  openid: string
  limitPerMember: number
}

export interface PriceDayOrderOffer {
  offer: PriceOffer
  hold: PriceDayHold
}

/**
 * The member price `openid` is entitled to on `productId` right now, read fresh: today's active
 * price days, the member's groups. Null when none applies (the list price then does).
 */
export async function priceDayOfferForOrder(
  deps: Pick<Deps, 'db' | 'now' | 'config'>,
  openid: string,
  productId: string,
): Promise<PriceDayOrderOffer | null> {
  const now = deps.now()
  const today = priceDaysOn(await loadActivePriceDays(deps.db), now).filter((p) => p.items.some((i) => i.productId === productId))
  if (today.length === 0) return null
  const groups = await currentGroupsOf(deps.db, openid)
  const match = matchPriceDay(today, productId, [...new Set(groups.map((g) => g.tier))])
  if (!match?.eligible) return null
  const day = cnDay(now)
  return {
    offer: toPriceOffer(match),
    hold: {
      claimId: priceDayClaimId(match.priceDay._id, day, productId, openid),
      priceDayId: match.priceDay._id,
      day,
      productId,
      openid,
      limitPerMember: match.item.limitPerMember,
    },
  }
}

/** What a member over the limit is told. */
export function limitReached(hold: Pick<PriceDayHold, 'limitPerMember'>): Failure {
  return fail('LIMIT_REACHED', `群友价每人每天限购 ${hold.limitPerMember} 件`)
}

/**
 * Counts `qty` more units against the member's limit, or nothing. The first order creates the
 * counter (a duplicate add loses to a concurrent first order and falls through); later ones
 * increment it only while the result stays within the limit: one atomic conditional write.
 */
export async function claimPriceDayUnits(db: Db, hold: PriceDayHold, qty: number, now: number): Promise<boolean> {
  if (qty > hold.limitPerMember) return false
  const first: PriceDayClaim = {
    _id: hold.claimId,
    priceDayId: hold.priceDayId,
    day: hold.day,
    productId: hold.productId,
    openid: hold.openid,
    qty,
    createdAt: now,
    updatedAt: now,
  }
  if (await db.add('priceDayClaims', first)) return true
  const counted = await db.update(
    'priceDayClaims',
    { _id: hold.claimId, qty: { lte: hold.limitPerMember - qty } },
    { inc: { qty }, set: { updatedAt: now } },
  )
  return counted === 1
}

/**
 * Gives `qty` units back to the member's limit (an order closed, or an undo). Callers make this
 * happen once per order; the condition keeps a stray second call from going below zero.
 */
export async function releasePriceDayUnits(db: Db, claimId: string, qty: number): Promise<void> {
  await db.update('priceDayClaims', { _id: claimId, qty: { gte: qty } }, { inc: { qty: -qty } })
}
