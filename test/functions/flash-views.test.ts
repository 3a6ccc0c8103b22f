/**
 * What members see of flash sales: flash.list / flash.detail with the server's time, the sale's
 * state and the caller's button; flash.remind; and the sales on the home page.
 */
import flash from '../../cloudfunctions/flash/function'
import shop from '../../cloudfunctions/shop/function'
import { FLASH_REMIND_LEAD_MS } from '../../cloudfunctions/core/flashSale'
import { LOCAL_REMINDER_TEMPLATE_ID } from '../../cloudfunctions/services/flashReminders'
import { createTestCloud, TEST_START_MS, type TestCloud } from '../helpers/cloud'
import { member as memberId, seedProduct } from './builders'
import { buy, joinGroup, MINUTE, SALE_END, SALE_START, seedGroups, seedSale } from './flashBuilders'

describe('flash sales as members see them', () => {
  let cloud: TestCloud

  beforeEach(async () => {
    cloud = createTestCloud()
    await seedProduct(cloud, { stock: 50, priceFen: 12_900 })
    await seedGroups(cloud)
    await joinGroup(cloud, 'G-core', 1, 3)
    await joinGroup(cloud, 'G-like', 10)
  })
  afterEach(() => cloud.close())

  const list = (n?: number) => cloud.call(flash, { action: 'list' }, n === undefined ? {} : { openid: memberId(n) })
  const detail = (n: number, saleId = 'sale-longjing') => cloud.call(flash, { action: 'detail', saleId }, { openid: memberId(n) })
  const remind = (n: number, saleId = 'sale-longjing') => cloud.call(flash, { action: 'remind', saleId }, { openid: memberId(n) })

  it('lists a coming sale with the server time and a not-started button', async () => {
    await seedSale(cloud, { tiers: ['core'] })
    const res = await list(1)
    expect(res).toEqual({
      ok: true,
      data: {
        serverNow: TEST_START_MS,
        reminderTemplateId: LOCAL_REMINDER_TEMPLATE_ID,
        items: [
          {
            _id: 'sale-longjing',
            productId: 'p-longjing',
            title: '龙井限量秒杀',
            cover: '/static/products/longjing-1.jpg',
            flashPriceFen: 5_900,
            listPriceFen: 12_900,
            quantity: 100,
            left: 100,
            perMemberLimit: 2,
            tiers: ['core'],
            startAt: SALE_START,
            endAt: SALE_END,
            state: 'upcoming',
            button: 'notStarted',
            reason: '活动尚未开始',
            bought: 0,
            reminded: false,
          },
        ],
      },
    })
  })

  it('shows each caller the button that fits them', async () => {
    await seedSale(cloud, { tiers: ['core'], perMemberLimit: 1 })
    cloud.clock.set(SALE_START)
    expect((await list()).data.items[0]).toMatchObject({ state: 'running', button: 'notEligible', reason: '请先登录' })
    expect((await list(99)).data.items[0]).toMatchObject({ button: 'notEligible', reason: '仅限群友参与，请从群聊中打开小程序' })
    expect((await list(10)).data.items[0]).toMatchObject({ button: 'notEligible', reason: '本场仅限核心群的群友参与' })
    expect((await list(1)).data.items[0]).toEqual(expect.objectContaining({ button: 'buy', bought: 0 }))
    expect((await list(1)).data.items[0]).not.toHaveProperty('reason')
    await buy(cloud, 1)
    expect((await detail(1)).data.sale).toMatchObject({ button: 'limitReached', reason: '每人限购 1 件', bought: 1, left: 99 })
  })

  it('shows sold out fresh on the sale page, and ended once the time is up', async () => {
    await seedSale(cloud, { quantity: 1, perMemberLimit: 1 })
    cloud.clock.set(SALE_START)
    await buy(cloud, 1)
    expect((await detail(2)).data.sale).toMatchObject({ state: 'soldOut', button: 'soldOut', left: 0 })
    cloud.clock.set(SALE_END)
    const ended = await detail(2)
    expect(ended.data).toMatchObject({ serverNow: SALE_END, sale: { state: 'ended', button: 'ended' } })
    // The list shows only sales that have not ended.
    expect((await list(2)).data.items).toEqual([])
  })

  it('shows a stopped sale as ended on its page and drops it from the list', async () => {
    await seedSale(cloud, { status: 'stopped', stoppedAt: TEST_START_MS })
    expect((await detail(1)).data.sale).toMatchObject({ state: 'stopped', button: 'ended', reason: '活动已提前结束' })
    expect((await list(1)).data.items).toEqual([])
  })

  it('answers the sale page with the product pictures and text', async () => {
    await seedSale(cloud)
    expect((await detail(1)).data.sale).toMatchObject({
      subtitle: '群友专享 · 杭州产区',
      images: ['/static/products/longjing-1.jpg', '/static/products/longjing-2.jpg'],
      detail: '今年明前头采，手工炒制。',
    })
    expect(await detail(1, 'sale-nope')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    await cloud.db.update('products', { _id: 'p-longjing' }, { set: { status: 'unlisted' } })
    expect(await detail(1)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('records one reminder per member per sale', async () => {
    await seedSale(cloud)
    const first = await remind(1)
    expect(first).toEqual({ ok: true, data: { saleId: 'sale-longjing', remindAt: SALE_START - FLASH_REMIND_LEAD_MS, isNew: true } })
    expect(await remind(1)).toEqual({ ok: true, data: { saleId: 'sale-longjing', remindAt: SALE_START - FLASH_REMIND_LEAD_MS, isNew: false } })
    await Promise.all(Array.from({ length: 10 }, () => remind(2)))
    expect(await cloud.db.count('flashReminders', { saleId: 'sale-longjing' })).toBe(2)
    expect((await detail(1)).data.sale.reminded).toBe(true)
    expect((await detail(3)).data.sale.reminded).toBe(false)
  })

  it('refuses a reminder from a visitor, a non-member, or for a sale that started or stopped', async () => {
    await seedSale(cloud)
    expect(await cloud.call(flash, { action: 'remind', saleId: 'sale-longjing' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await remind(99)).toMatchObject({ ok: false, code: 'NOT_MEMBER' })
    expect(await remind(1, 'sale-nope')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    cloud.clock.set(SALE_START)
    expect(await remind(1)).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    await cloud.db.update('flashSales', { _id: 'sale-longjing' }, { set: { status: 'stopped' } })
    cloud.clock.set(SALE_START - MINUTE)
    expect(await remind(1)).toMatchObject({ ok: false, code: 'ENDED' })
    expect(await cloud.db.count('flashReminders', {})).toBe(0)
  })

  it('answers ping with the server time', async () => {
    expect(await cloud.call(flash, { action: 'ping' })).toEqual({ ok: true, data: { serverNow: TEST_START_MS } })
  })

  it('shows running sales first and then the next ones on the home page', async () => {
    await seedProduct(cloud, { _id: 'p-2', sort: 20 })
    await seedProduct(cloud, { _id: 'p-3', sort: 30 })
    await seedSale(cloud, { _id: 'sale-later', productId: 'p-2', startAt: SALE_START + 60 * MINUTE, endAt: SALE_END + 60 * MINUTE })
    await seedSale(cloud, { _id: 'sale-now', productId: 'p-3', startAt: TEST_START_MS - MINUTE, endAt: SALE_END })
    await seedSale(cloud, { _id: 'sale-over', startAt: TEST_START_MS - 60 * MINUTE, endAt: TEST_START_MS })
    await seedSale(cloud, { _id: 'sale-stopped', startAt: SALE_START, status: 'stopped' })
    await seedSale(cloud, { _id: 'sale-hidden-product', productId: 'p-unknown' })
    const home = await cloud.call(shop, { action: 'home' }, { openid: memberId(1) })
    expect(home.data.flashSales.map((s: { _id: string; state: string }) => [s._id, s.state])).toEqual([
      ['sale-now', 'running'],
      ['sale-later', 'upcoming'],
    ])
  })
})
