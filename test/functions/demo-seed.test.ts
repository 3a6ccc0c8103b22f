/**
 * The demo shop `npm run dev` creates on its first start: its flash sales are real sales, one a
 * member can buy at once and one the next evening for the core group, recorded as the console
 * records them, and a later start leaves everything as it was.
 */
import member from '../../cloudfunctions/member/function'
import order from '../../cloudfunctions/order/function'
import shop from '../../cloudfunctions/shop/function'
import { seedIfFirstStart } from '../../cloudfunctions/local/seed'
import { devCloudId } from '../../cloudfunctions/platform/local/openData'
import { createTestCloud, TEST_START_MS, type TestCloud } from '../helpers/cloud'
import { dumpAll, newRequestId } from './builders'

describe('the demo shop', () => {
  let cloud: TestCloud

  beforeEach(async () => {
    cloud = createTestCloud()
    await seedIfFirstStart(cloud.db, { now: cloud.clock.now(), adminPassword: 'demo-password' })
  })
  afterEach(() => cloud.close())

  it('shows a running flash sale a member buys at once, and one the next evening for the core group', async () => {
    expect(await cloud.call(member, { action: 'bindGroup', group: devCloudId('G-demo-core') }, { openid: 'demo-alice' })).toMatchObject({ ok: true })
    const home = await cloud.call(shop, { action: 'home' }, { openid: 'demo-alice' })
    expect(home).toMatchObject({
      ok: true,
      data: {
        flashSales: [
          { _id: 'fs-demo-thermos', title: '保温杯群友秒杀', flashPriceFen: 7900, listPriceFen: 11900, left: 30, state: 'running' },
          { _id: 'fs-demo-celadon', title: '青瓷杯核心群秒杀', tiers: ['core'], state: 'upcoming', startAt: Date.parse('2026-11-19T20:00:00+08:00') },
        ],
      },
    })
    const bought = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: 'p-thermos', qty: 2, saleId: 'fs-demo-thermos' }, { openid: 'demo-alice' })
    expect(bought).toMatchObject({ ok: true, data: { totalFen: 15_800, saleId: 'fs-demo-thermos' } })
    // Recorded as the console records a save, so an overlapping save of the same product is held off.
    expect(await cloud.db.get('flashSlots', 'p-thermos')).toMatchObject({ sales: [{ saleId: 'fs-demo-thermos', startAt: TEST_START_MS - 60_000 }] })
  })

  it('leaves the shop as it is on a later start', async () => {
    cloud.clock.advance(3_600_000)
    const before = await dumpAll(cloud.db)
    expect(await seedIfFirstStart(cloud.db, { now: cloud.clock.now(), adminPassword: 'demo-password' })).toEqual({ seeded: false })
    expect(await dumpAll(cloud.db)).toEqual(before)
  })
})
