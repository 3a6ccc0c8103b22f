/**
 * The documents the flash benchmarks seed (`bench:flash`, `bench:order-path`): a registered
 * group, products and their sales, and the group's members.
 */
import { membershipId } from '../cloudfunctions/core/membership'
import type { FlashSale, Group, Member, Membership, Product } from '../cloudfunctions/core/model'
import { DAY_MS } from '../cloudfunctions/core/time'

export const BENCH_GROUP_ID = 'G-bench'

export function benchGroup(now: number): Group {
  return { _id: BENCH_GROUP_ID, status: 'registered', name: '压测群', tier: 'ordinary', firstSeenAt: now, firstSeenBy: '', registeredAt: now, updatedAt: now }
}

export function benchProduct(id: string, title: string, now: number): Product {
  return { _id: id, title, subtitle: '压测商品', images: [], priceFen: 19_900, stock: 0, sold: 0, status: 'listed', sort: 1, detail: '', createdAt: now, updatedAt: now }
}

/** A sale of `quantity` units of product `productId`, `perMemberLimit` each, open to every registered group for a day from `startAt`. */
export function benchSale(id: string, productId: string, sale: { quantity: number; perMemberLimit: number; startAt: number }, now: number): FlashSale {
  return {
    _id: id,
    productId,
    title: '压测秒杀',
    flashPriceFen: 9_900,
    quantity: sale.quantity,
    left: sale.quantity,
    reserved: 0,
    paid: 0,
    perMemberLimit: sale.perMemberLimit,
    tiers: [],
    startAt: sale.startAt,
    endAt: sale.startAt + DAY_MS,
    status: 'scheduled',
    createdAt: now,
    updatedAt: now,
  }
}

/** Member `n` of the bench group, and the membership the console counts. */
export function benchMember(openid: string, n: number, now: number): { member: Member; membership: Membership } {
  return {
    member: { _id: openid, nickname: `压测${n}`, createdAt: now, lastSeenAt: now, groups: [{ opengid: BENCH_GROUP_ID, since: now }] },
    membership: { _id: membershipId(BENCH_GROUP_ID, openid), opengid: BENCH_GROUP_ID, openid, since: now, lastSeenAt: now },
  }
}
