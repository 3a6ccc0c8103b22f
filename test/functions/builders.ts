/**
 * Builders and helpers shared by the function tests.
 */
import type { CollectionName, Product } from '../../cloudfunctions/core/model'
import type { Db } from '../../cloudfunctions/platform/ports'
import { TEST_START_MS, type TestCloud } from '../helpers/cloud'

export function makeProduct(overrides: Partial<Product> = {}): Product {
  return {
    _id: 'p-longjing',
    title: '明前龙井 250g',
    subtitle: '群友专享 · 杭州产区',
    images: ['/static/products/longjing-1.jpg', '/static/products/longjing-2.jpg'],
    priceFen: 12_900,
    stock: 50,
    sold: 0,
    status: 'listed',
    sort: 10,
    detail: '今年明前头采，手工炒制。',
    createdAt: TEST_START_MS,
    updatedAt: TEST_START_MS,
    ...overrides,
  }
}

export async function seedProduct(cloud: TestCloud, overrides: Partial<Product> = {}): Promise<Product> {
  const product = makeProduct(overrides)
  await cloud.db.set('products', product._id, product)
  return product
}

/** The openid of demo member `n`. */
export const member = (n: number): string => `o-member-${String(n).padStart(4, '0')}`

let requestSeq = 0
/** A fresh, valid requestId. */
export function newRequestId(): string {
  requestSeq += 1
  return `req-${String(requestSeq).padStart(8, '0')}`
}

/** Identity of a timer run (no openid). */
export const TIMER = { openid: '', source: 'wx_timer' }

const ALL_COLLECTIONS = [
  'products',
  'members',
  'orders',
  'operators',
  'audit',
  'settings',
  'groups',
  'memberships',
  'priceDays',
  'priceDayClaims',
  'flashSales',
  'flashClaims',
  'flashSlots',
  'flashReminders',
  'outbox',
  'loginAttempts',
] as const
// Fails to compile when a collection is added to the model but not to the dump.
const everyCollectionDumped: Exclude<CollectionName, (typeof ALL_COLLECTIONS)[number]> extends never ? true : false = true

/** Every document of every collection, for "wrote nothing" comparisons. */
export async function dumpAll(db: Db): Promise<Record<string, unknown[]>> {
  expect(everyCollectionDumped).toBe(true)
  const dump: Record<string, unknown[]> = {}
  for (const coll of ALL_COLLECTIONS) {
    const docs: unknown[] = []
    for (;;) {
      const page = await db.query(coll, {}, { orderBy: [['_id', 'asc']], limit: 100, skip: docs.length })
      docs.push(...page)
      if (page.length < 100) break
    }
    dump[coll] = docs
  }
  return dump
}
