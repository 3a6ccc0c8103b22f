/**
 * Builders for groups and price days in function tests.
 */
import type { Group, PriceDay } from '../../cloudfunctions/core/model'
import { cnDay } from '../../cloudfunctions/core/time'
import { TEST_START_MS, type TestCloud } from '../helpers/cloud'

export function makeGroup(overrides: Partial<Group> = {}): Group {
  return {
    _id: 'G-core',
    status: 'registered',
    name: '龙井核心群',
    tier: 'core',
    firstSeenAt: TEST_START_MS,
    firstSeenBy: 'o-operator',
    registeredAt: TEST_START_MS,
    updatedAt: TEST_START_MS,
    ...overrides,
  }
}

export async function seedGroup(cloud: TestCloud, overrides: Partial<Group> = {}): Promise<Group> {
  const group = makeGroup(overrides)
  await cloud.db.set('groups', group._id, group)
  return group
}

/** A price day today (the test clock's China day) on p-longjing at 99.00, 2 per member, core groups. */
export function makePriceDay(overrides: Partial<PriceDay> = {}): PriceDay {
  return {
    _id: 'pd-today',
    title: '群友价日',
    rule: { kind: 'date', day: cnDay(TEST_START_MS) },
    items: [{ productId: 'p-longjing', memberPriceFen: 9_900, limitPerMember: 2 }],
    tiers: ['core'],
    status: 'active',
    createdAt: TEST_START_MS,
    updatedAt: TEST_START_MS,
    ...overrides,
  }
}

export async function seedPriceDay(cloud: TestCloud, overrides: Partial<PriceDay> = {}): Promise<PriceDay> {
  const priceDay = makePriceDay(overrides)
  await cloud.db.set('priceDays', priceDay._id, priceDay)
  return priceDay
}
