/**
 * Start reminders: cron sends each recorded reminder once, a few minutes before the sale starts,
 * through the subscribe port (locally the outbox), however many timer runs overlap.
 */
import cron from '../../cloudfunctions/cron/function'
import flash from '../../cloudfunctions/flash/function'
import { FLASH_REMIND_GRACE_MS, FLASH_REMIND_LEAD_MS, memberSaleId } from '../../cloudfunctions/core/flashSale'
import { handle } from '../../cloudfunctions/platform/function'
import type { Subscribe, SubscribeMessage } from '../../cloudfunctions/platform/ports'
import { LOCAL_REMINDER_TEMPLATE_ID } from '../../cloudfunctions/services/flashReminders'
import { createTestCloud, type TestCloud } from '../helpers/cloud'
import { member as memberId, seedProduct, TIMER } from './builders'
import { joinGroup, MINUTE, SALE_START, seedGroups, seedSale } from './flashBuilders'

describe('flash sale start reminders', () => {
  let cloud: TestCloud

  beforeEach(async () => {
    cloud = createTestCloud()
    await seedProduct(cloud)
    await seedGroups(cloud)
    await joinGroup(cloud, 'G-core', 0, 3)
  })
  afterEach(() => cloud.close())

  const remind = (n: number, saleId = 'sale-longjing') => cloud.call(flash, { action: 'remind', saleId }, { openid: memberId(n) })
  /** Member `n`'s reminder of the sale, as stored. */
  const reminderOf = (n: number, saleId = 'sale-longjing') => cloud.db.get('flashReminders', memberSaleId(saleId, memberId(n)))
  const tick = () => cloud.call(cron, {}, TIMER)
  const outbox = () => cloud.db.query('outbox', {}, { orderBy: [['_id', 'asc']] })

  it('sends each reminder once, a few minutes before the start, into the outbox', async () => {
    await seedSale(cloud)
    for (const n of [0, 1, 2]) await remind(n)

    cloud.clock.set(SALE_START - FLASH_REMIND_LEAD_MS - 1)
    expect(await tick()).toEqual({ ok: true, data: { expired: 0, more: false } })
    expect(await outbox()).toEqual([])

    cloud.clock.set(SALE_START - FLASH_REMIND_LEAD_MS)
    expect(await tick()).toEqual({ ok: true, data: { expired: 0, more: false, reminders: { sent: 3, failed: 0, more: false } } })
    const sent = await outbox()
    expect(sent.map((m) => m.touser).sort()).toEqual([memberId(0), memberId(1), memberId(2)])
    expect(sent[0]).toMatchObject({
      templateId: LOCAL_REMINDER_TEMPLATE_ID,
      page: 'packages/flash/pages/detail?id=sale-longjing',
      data: {
        thing1: { value: '龙井限量秒杀' },
        amount2: { value: '¥59.00' },
        time3: { value: '2026-11-18 10:30' },
        thing4: { value: '限量100件，每人限购2件' },
      },
      sentAt: SALE_START - FLASH_REMIND_LEAD_MS,
    })
    expect(await reminderOf(1)).toMatchObject({ status: 'sent', sentAt: SALE_START - FLASH_REMIND_LEAD_MS })

    cloud.clock.advance(MINUTE)
    expect(await tick()).toEqual({ ok: true, data: { expired: 0, more: false } })
    expect(await outbox()).toHaveLength(3)
  })

  it('sends once when timer runs overlap', async () => {
    await seedSale(cloud)
    await joinGroup(cloud, 'G-ordinary', 10, 260)
    for (let n = 10; n < 260; n++) await remind(n)
    cloud.clock.set(SALE_START - MINUTE)
    const runs = await Promise.all(Array.from({ length: 4 }, () => tick()))
    expect(runs.every((r) => r.ok)).toBe(true)
    expect(await cloud.db.count('outbox', {})).toBe(250)
    const recipients = new Set<string>()
    for (let skip = 0; skip < 250; skip += 100) {
      for (const m of await cloud.db.query('outbox', {}, { orderBy: [['_id', 'asc']], limit: 100, skip })) recipients.add(m.touser)
    }
    expect(recipients.size).toBe(250)
    expect(await cloud.db.count('flashReminders', { status: 'sent' })).toBe(250)
  })

  it('still sends a reminder the timer missed, shortly after the start, but not later', async () => {
    await seedSale(cloud)
    await seedSale(cloud, { _id: 'sale-older', startAt: SALE_START - 30 * MINUTE, endAt: SALE_START + 30 * MINUTE })
    cloud.clock.set(SALE_START - 40 * MINUTE)
    await remind(0)
    await remind(0, 'sale-older')
    cloud.clock.set(SALE_START + FLASH_REMIND_GRACE_MS - 1)
    await tick()
    expect((await outbox()).map((m) => m.page)).toEqual(['packages/flash/pages/detail?id=sale-longjing'])
    expect(await reminderOf(0, 'sale-older')).toMatchObject({ status: 'waiting' })
  })

  it('sends nothing for a stopped sale', async () => {
    await seedSale(cloud)
    await remind(0)
    await cloud.db.update('flashSales', { _id: 'sale-longjing' }, { set: { status: 'stopped' } })
    cloud.clock.set(SALE_START - MINUTE)
    await tick()
    expect(await outbox()).toEqual([])
  })

  it('records a message WeChat refused and does not send it again', async () => {
    await seedSale(cloud)
    await remind(0)
    await remind(1)
    const tried: SubscribeMessage[] = []
    const refusing: Subscribe = {
      send: async (message) => {
        tried.push(message)
        if (message.touser === memberId(0)) throw new Error('43101: user refuse to accept the msg')
      },
    }
    cloud.clock.set(SALE_START - MINUTE)
    const run = await handle(cron, {}, { ...cloud.deps(TIMER), subscribe: refusing })
    expect(run).toMatchObject({ ok: true, data: { reminders: { sent: 1, failed: 1 } } })
    expect(await reminderOf(0)).toMatchObject({
      status: 'failed',
      error: '43101: user refuse to accept the msg',
    })
    await handle(cron, {}, { ...cloud.deps(TIMER), subscribe: refusing })
    expect(tried).toHaveLength(2)
  })
})
