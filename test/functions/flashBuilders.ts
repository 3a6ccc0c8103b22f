/**
 * Builders for flash-sale function tests: a sale, members of registered groups, and buying.
 */
import member from '../../cloudfunctions/member/function'
import order from '../../cloudfunctions/order/function'
import { handle } from '../../cloudfunctions/platform/function'
import { memberSaleId } from '../../cloudfunctions/core/flashSale'
import type { FlashSale } from '../../cloudfunctions/core/model'
import { devCloudId } from '../../cloudfunctions/platform/local/openData'
import type { Db } from '../../cloudfunctions/platform/ports'
import { TEST_START_MS, type TestCloud } from '../helpers/cloud'
import { member as memberId, newRequestId } from './builders'
import { seedGroup } from './membership-builders'

export const MINUTE = 60_000
/** Sales in these tests start 30 minutes after the test clock's start and last an hour. */
export const SALE_START = TEST_START_MS + 30 * MINUTE
export const SALE_END = SALE_START + 60 * MINUTE

export function makeSale(overrides: Partial<FlashSale> = {}): FlashSale {
  const quantity = overrides.quantity ?? 100
  return {
    _id: 'sale-longjing',
    productId: 'p-longjing',
    title: '龙井限量秒杀',
    flashPriceFen: 5_900,
    quantity,
    left: quantity,
    reserved: 0,
    paid: 0,
    perMemberLimit: 2,
    tiers: [],
    startAt: SALE_START,
    endAt: SALE_END,
    status: 'scheduled',
    createdAt: TEST_START_MS,
    updatedAt: TEST_START_MS,
    ...overrides,
  }
}

export async function seedSale(cloud: TestCloud, overrides: Partial<FlashSale> = {}): Promise<FlashSale> {
  const sale = makeSale(overrides)
  await cloud.db.set('flashSales', sale._id, sale)
  return sale
}

/** Registers the two groups members join here: a core group and an ordinary one. */
export async function seedGroups(cloud: TestCloud): Promise<void> {
  await seedGroup(cloud, { _id: 'G-core', name: '龙井核心群', tier: 'core' })
  await seedGroup(cloud, { _id: 'G-ordinary', name: '茶友普通群', tier: 'ordinary' })
  await seedGroup(cloud, { _id: 'G-like', name: '点赞群', tier: 'like' })
}

/** Members `from`..`to - 1` open the mini program from `opengid` (becoming its members). */
export async function joinGroup(cloud: TestCloud, opengid: string, from: number, to = from + 1): Promise<void> {
  for (let n = from; n < to; n++) {
    const res = await cloud.call(member, { action: 'bindGroup', group: devCloudId(opengid) }, { openid: memberId(n) })
    if (!res.ok) throw new Error(`bindGroup failed: ${JSON.stringify(res)}`)
  }
}

export interface BuyOptions {
  qty?: number
  requestId?: string
  saleId?: string
  productId?: string
  /** The database as one instance sees it (e.g. `countingCalls`'s): its marks and memory are its own. */
  db?: Db
}

/** order.create in the sale as member `n`: the raw result. */
export function buy(cloud: TestCloud, n: number, options: BuyOptions = {}): Promise<any> {
  const event = {
    action: 'create',
    requestId: options.requestId ?? newRequestId(),
    productId: options.productId ?? 'p-longjing',
    qty: options.qty ?? 1,
    saleId: options.saleId ?? 'sale-longjing',
  }
  const as = { openid: memberId(n) }
  return options.db ? handle(order, event, { ...cloud.deps(as), db: options.db }) : cloud.call(order, event, as)
}

/** Member `n`'s claim on the sale (the units they hold in it), as stored. */
export function claimOf(cloud: TestCloud, n: number, saleId = 'sale-longjing') {
  return cloud.db.get('flashClaims', memberSaleId(saleId, memberId(n)))
}

/** The database with a count of the writes made through it, and of the reads of each collection. */
export function countingCalls(db: Db): { db: Db; writes: () => number; reads: (coll: string) => number } {
  let writes = 0
  const reads = new Map<string, number>()
  const counted = new Set(['add', 'set', 'update', 'remove', 'transaction'])
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        if (counted.has(String(prop))) writes += 1
        if (prop === 'get' || prop === 'query') reads.set(String(args[0]), (reads.get(String(args[0])) ?? 0) + 1)
        return value.apply(target, args)
      }
    },
  })
  return { db: proxy, writes: () => writes, reads: (coll) => reads.get(coll) ?? 0 }
}
