/**
 * cron archives price days that can no longer run (a past date, a weekly rule past its last
 * day), so the shop and orders stop loading them; an order placed on the day still closes
 * normally afterwards.
 */
import cron from '../../cloudfunctions/cron/function'
import member from '../../cloudfunctions/member/function'
import order from '../../cloudfunctions/order/function'
import type { AuditEntry } from '../../cloudfunctions/core/model'
import { priceDayClaimId } from '../../cloudfunctions/core/priceDay'
import { activePriceDays, loadActivePriceDays } from '../../cloudfunctions/services/priceDays'
import { devCloudId } from '../../cloudfunctions/platform/local/openData'
import { createTestCloud, type TestCloud } from '../helpers/cloud'
import { member as memberId, newRequestId, seedProduct, TIMER } from './builders'
import { seedGroup, seedPriceDay } from './membership-builders'

const MINUTE = 60_000
/** 00:00:30 on Thursday 2026-11-19 in China, the day after the test clock's start. */
const THURSDAY = Date.parse('2026-11-19T00:00:30+08:00')

let cloud: TestCloud

beforeEach(async () => {
  cloud = createTestCloud()
  await seedProduct(cloud, { _id: 'p-longjing', priceFen: 12_900, stock: 100 })
  await seedPriceDay(cloud, { _id: 'pd-today' })
  await seedPriceDay(cloud, { _id: 'pd-tomorrow', rule: { kind: 'date', day: '2026-11-19' } })
  await seedPriceDay(cloud, { _id: 'pd-weekly-ends-today', rule: { kind: 'weekly', weekday: 3, endDay: '2026-11-18' } })
  await seedPriceDay(cloud, { _id: 'pd-weekly', rule: { kind: 'weekly', weekday: 3 } })
})
afterEach(() => cloud.close())

const tick = () => cloud.call(cron, {}, TIMER)
const statusOf = async (id: string) => (await cloud.db.get('priceDays', id))?.status
const archiveEntries = async () => (await cloud.db.query('audit', { action: 'archive' }, { limit: 100 })) as AuditEntry[]

describe('archiving ended price days', () => {
  it('leaves every price day alone while its day or a later one is still to come', async () => {
    cloud.clock.set(Date.parse('2026-11-18T23:59:00+08:00'))
    expect(await tick()).toEqual({ ok: true, data: { expired: 0, more: false } })
    expect((await loadActivePriceDays(cloud.db)).map((p) => p._id).sort()).toEqual(['pd-today', 'pd-tomorrow', 'pd-weekly', 'pd-weekly-ends-today'])
  })

  it('archives the past date and the weekly rule past its last day once the day is over, each with an audit entry', async () => {
    cloud.clock.set(THURSDAY)
    expect(await tick()).toEqual({ ok: true, data: { expired: 0, more: false, archivedPriceDays: 2 } })
    expect(await statusOf('pd-today')).toBe('archived')
    expect(await statusOf('pd-weekly-ends-today')).toBe('archived')
    expect((await loadActivePriceDays(cloud.db)).map((p) => p._id).sort()).toEqual(['pd-tomorrow', 'pd-weekly'])
    expect(await cloud.db.get('priceDays', 'pd-today')).toMatchObject({ updatedAt: THURSDAY })

    const entries = await archiveEntries()
    expect(entries).toHaveLength(2)
    expect(entries.find((e) => e.targetId === 'pd-today')).toMatchObject({
      operator: 'cron',
      kind: 'priceDays',
      before: expect.objectContaining({ status: 'active' }),
      after: expect.objectContaining({ status: 'archived' }),
      at: THURSDAY,
    })
  })

  it('archives once, however many runs overlap or follow', async () => {
    cloud.clock.set(THURSDAY)
    const runs = await Promise.all([tick(), tick(), tick()])
    expect(runs.reduce((sum, run) => sum + (run.data.archivedPriceDays ?? 0), 0)).toBe(2)
    expect(await tick()).toEqual({ ok: true, data: { expired: 0, more: false } })
    expect(await archiveEntries()).toHaveLength(2)
  })

  it('drops the archived price days from the display cache of the instance that archived them', async () => {
    cloud.clock.set(THURSDAY)
    const deps = cloud.deps()
    expect(await activePriceDays(deps)).toHaveLength(4)
    await tick()
    expect((await activePriceDays(deps)).map((p) => p._id).sort()).toEqual(['pd-tomorrow', 'pd-weekly'])
  })

  it('still gives the member limit back when an order placed on the day expires after archiving', async () => {
    await seedGroup(cloud, { _id: 'G-core', tier: 'core' })
    await cloud.call(member, { action: 'bindGroup', group: devCloudId('G-core') }, { openid: memberId(1) })
    cloud.clock.set(Date.parse('2026-11-18T23:55:00+08:00'))
    const bought = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: 'p-longjing', qty: 2 }, { openid: memberId(1) })
    expect(bought).toMatchObject({ ok: true, data: { priceSource: 'priceDay', sourceId: 'pd-today' } })

    cloud.clock.set(THURSDAY)
    expect((await tick()).data).toMatchObject({ archivedPriceDays: 2 })
    cloud.clock.advance(15 * MINUTE)
    expect((await tick()).data).toMatchObject({ expired: 1 })
    expect(await cloud.db.get('orders', bought.data._id)).toMatchObject({ status: 'expired' })
    expect((await cloud.db.get('priceDayClaims', priceDayClaimId('pd-today', '2026-11-18', 'p-longjing', memberId(1))))?.qty).toBe(0)
    expect((await cloud.db.get('products', 'p-longjing'))?.stock).toBe(100)
  })
})
