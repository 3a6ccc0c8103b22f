/**
 * A flash sale under real concurrency against the local database: thousands of attempts at once
 * sell exactly the sale's units, hold every member to the limit, and reconcile.
 */
import { reconcileSales } from '../../cloudfunctions/services/flashReconcile'
import { createTestCloud, type TestCloud } from '../helpers/cloud'
import { newRequestId, seedProduct } from './builders'
import { buy, claimOf, joinGroup, SALE_START, seedGroups, seedSale } from './flashBuilders'

const MEMBERS = 500

/** Every 4th member of the 500 is in the core group, the rest in the ordinary one. */
async function seedMembers(cloud: TestCloud): Promise<void> {
  await seedGroups(cloud)
  const chunks = Array.from({ length: MEMBERS / 50 }, (_, c) => c * 50)
  await Promise.all(
    chunks.map(async (from) => {
      for (let n = from; n < from + 50; n++) await joinGroup(cloud, n % 4 === 0 ? 'G-core' : 'G-ordinary', n)
    }),
  )
}

function tally(results: Array<{ ok: boolean; code?: string; data?: { qty: number; openid?: string } }>): Record<string, number> {
  const codes: Record<string, number> = {}
  for (const r of results) codes[r.ok ? 'OK' : r.code!] = (codes[r.ok ? 'OK' : r.code!] ?? 0) + 1
  return codes
}

describe('a flash sale under concurrency', () => {
  let cloud: TestCloud

  beforeEach(async () => {
    cloud = createTestCloud()
    await seedProduct(cloud, { stock: 1_000, priceFen: 12_900 })
    await seedMembers(cloud)
    cloud.clock.set(SALE_START)
  })
  afterEach(() => cloud.close())

  it('sells exactly 100 units to 2,000 attempts from 500 members, nobody over the limit of 2', async () => {
    await seedSale(cloud, { quantity: 100, perMemberLimit: 2 })
    // Each member tries four times at once, some asking for two units.
    const attempts = Array.from({ length: 2_000 }, (_, i) => ({ n: i % MEMBERS, qty: i % 7 === 0 ? 2 : 1 }))
    const results = await Promise.all(attempts.map(({ n, qty }) => buy(cloud, n, { qty })))

    const codes = tally(results)
    expect(Object.keys(codes).sort()).toEqual(expect.arrayContaining(['OK', 'SOLD_OUT']))
    expect(Object.keys(codes).every((code) => ['OK', 'SOLD_OUT', 'LIMIT_REACHED'].includes(code))).toBe(true)

    const sold = results.filter((r) => r.ok).reduce((sum, r) => sum + r.data.qty, 0)
    expect(sold).toBe(100)
    const sale = await cloud.db.get('flashSales', 'sale-longjing')
    expect(sale).toMatchObject({ quantity: 100, left: 0, reserved: 100, paid: 0 })

    const orders = await cloud.db.query('orders', { saleId: 'sale-longjing' }, { limit: 100 })
    expect(await cloud.db.count('orders', {})).toBe(orders.length)
    expect(orders.reduce((sum, o) => sum + o.qty, 0)).toBe(100)
    const held = new Map<string, number>()
    for (const o of orders) held.set(o.openid, (held.get(o.openid) ?? 0) + o.qty)
    expect(Math.max(...held.values())).toBeLessThanOrEqual(2)

    const reconciliation = await reconcileSales(cloud.db)
    expect(reconciliation.sales.flatMap((t) => t.discrepancies)).toEqual([])
    expect(reconciliation.sales[0]).toMatchObject({ quantity: 100, left: 0, reservedOrders: 100, paidOrders: 0 })
    expect((await cloud.db.get('products', 'p-longjing'))?.stock).toBe(1_000)
    expect(cloud.errors).toEqual([])
  })

  it('holds the limit when one member fires many attempts at once', async () => {
    await seedSale(cloud, { quantity: 100, perMemberLimit: 2 })
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => buy(cloud, 7, { qty: i % 2 ? 1 : 2 })))
    const units = results.filter((r) => r.ok).reduce((sum, r) => sum + r.data.qty, 0)
    expect(units).toBe(2)
    expect(await claimOf(cloud, 7)).toMatchObject({ bought: 2 })
    expect(await cloud.db.get('flashSales', 'sale-longjing')).toMatchObject({ left: 98, reserved: 2 })
    expect((await reconcileSales(cloud.db)).clean).toBe(true)
  })

  it('stops selling mid-stream when the kill switch is pulled', async () => {
    await seedSale(cloud, { quantity: 1_000, perMemberLimit: 2 })
    const stop = async (): Promise<number> => {
      await cloud.db.update('flashSales', { _id: 'sale-longjing' }, { set: { status: 'stopped', stoppedAt: cloud.clock.now() } })
      return (await cloud.db.get('flashSales', 'sale-longjing'))!.left
    }
    // Waves of 25 concurrent attempts; the switch is pulled while the sixth wave is in flight.
    const results: Array<{ ok: boolean; code?: string }> = []
    let leftAtStop = -1
    for (let wave = 0; wave < 12; wave++) {
      const attempts = Array.from({ length: 25 }, (_, i) => buy(cloud, (wave * 25 + i) % 500))
      if (wave === 5) leftAtStop = await stop()
      const answers = await Promise.all(attempts)
      results.push(...answers)
      if (wave > 5) expect(answers.every((r) => !r.ok && r.code === 'ENDED')).toBe(true)
    }

    const sale = (await cloud.db.get('flashSales', 'sale-longjing'))!
    // Not one unit was taken after the switch: what was left then is left now.
    expect(sale.left).toBe(leftAtStop)
    const sold = results.filter((r) => r.ok).length
    expect(sold).toBeGreaterThanOrEqual(125)
    expect(sold).toBeLessThan(150)
    expect(sold + sale.left).toBe(1_000)
    expect(results.filter((r) => !r.ok).every((r) => r.code === 'ENDED')).toBe(true)
    expect((await reconcileSales(cloud.db)).clean).toBe(true)
  })

  it('sells the units that expiry returns to the next buyers, never more than the quantity', async () => {
    await seedSale(cloud, { quantity: 50, perMemberLimit: 1 })
    const firstWave = await Promise.all(Array.from({ length: 200 }, (_, n) => buy(cloud, n)))
    expect(firstWave.filter((r) => r.ok)).toHaveLength(50)

    cloud.clock.advance(cloud.config.orderTtlMs)
    const { default: cron } = await import('../../cloudfunctions/cron/function')
    expect(await cloud.call(cron, {}, { openid: '', source: 'wx_timer' })).toMatchObject({ ok: true, data: { expired: 50 } })
    expect(await cloud.db.get('flashSales', 'sale-longjing')).toMatchObject({ left: 50, reserved: 0 })

    // The same members buy again (their claims came back) alongside new ones.
    const secondWave = await Promise.all(Array.from({ length: 300 }, (_, n) => buy(cloud, n, { requestId: newRequestId() })))
    expect(secondWave.filter((r) => r.ok)).toHaveLength(50)
    expect(await cloud.db.get('flashSales', 'sale-longjing')).toMatchObject({ left: 0, reserved: 50 })
    expect((await reconcileSales(cloud.db)).clean).toBe(true)
  })
})
