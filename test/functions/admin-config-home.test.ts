/**
 * An operator's change shows on the very next home view served by the same instance, although
 * the home page reads the shelf, price days, groups and sales from short instance caches: every
 * config kind drops the caches it feeds after a successful upsert or remove.
 */
import shop from '../../cloudfunctions/shop/function'
import member from '../../cloudfunctions/member/function'
import { devCloudId } from '../../cloudfunctions/platform/local/openData'
import { TEST_START_MS } from '../helpers/cloud'
import { createAdminCloud, makeGroup, makeProduct, productInput, type AdminCloud } from './admin-fixtures'

const MINUTE = 60_000
const MEMBER = 'o-member-0001'

let admin: AdminCloud
let token: string

beforeEach(async () => {
  admin = await createAdminCloud()
  token = await admin.tokenFor('operator')
  await admin.cloud.db.add('products', makeProduct())
})
afterEach(() => admin.close())

const upsert = async (kind: string, doc: object) => {
  const result = await admin.call({ action: 'upsert', token, kind, doc })
  expect(result).toMatchObject({ ok: true })
  return result.data
}
const remove = async (kind: string, id: string) => expect(await admin.call({ action: 'remove', token, kind, id })).toMatchObject({ ok: true })
/** The home page as the member sees it now (the test clock does not move, so caches stay fresh). */
const home = async () => (await admin.cloud.call(shop, { action: 'home' }, { openid: MEMBER })).data
const ids = (items: Array<{ _id: string }>) => items.map((item) => item._id)

describe('the home page after an operator’s change', () => {
  it('shows an edited, a new, an unlisted and a removed product at once', async () => {
    expect(ids((await home()).products)).toEqual(['p-longjing'])

    await upsert('products', productInput({ _id: 'p-longjing', title: '明前龙井 500g', loadedStock: 50 }))
    await upsert('products', productInput({ _id: 'p-new', sort: 20 }))
    expect((await home()).products.map((p: { title: string }) => p.title)).toEqual(['明前龙井 500g', '明前龙井 250g'])

    await upsert('products', productInput({ _id: 'p-longjing', status: 'unlisted', loadedStock: 50 }))
    expect(ids((await home()).products)).toEqual(['p-new'])
    await remove('products', 'p-new')
    expect((await home()).products).toEqual([])
  })

  it('shows a price day scheduled for today, and stops showing it once removed', async () => {
    expect((await home()).priceDays).toEqual([])
    const priceDay = await upsert('priceDays', {
      title: '周三群友价',
      rule: { kind: 'date', day: '2026-11-18' },
      items: [{ productId: 'p-longjing', memberPriceFen: 9_900, limitPerMember: 2 }],
      tiers: ['core'],
    })
    expect(ids((await home()).priceDays)).toEqual([priceDay._id])
    await remove('priceDays', priceDay._id)
    expect((await home()).priceDays).toEqual([])
  })

  it('shows the member’s group renamed at once, and drops it once removed', async () => {
    await admin.cloud.db.add('groups', makeGroup())
    await admin.cloud.call(member, { action: 'bindGroup', group: devCloudId('G-core') }, { openid: MEMBER })
    expect((await home()).groups).toEqual([expect.objectContaining({ opengid: 'G-core', name: '龙井核心群', tier: 'core' })])

    await upsert('groups', { _id: 'G-core', name: '龙井老友群', tier: 'ordinary' })
    expect((await home()).groups).toEqual([expect.objectContaining({ opengid: 'G-core', name: '龙井老友群', tier: 'ordinary' })])
    await remove('groups', 'G-core')
    expect((await home()).groups).toEqual([])
  })

  it('shows a scheduled flash sale, its edits, and stops showing it once stopped or removed', async () => {
    await admin.cloud.db.add('groups', makeGroup())
    expect((await home()).flashSales).toEqual([])
    const start = TEST_START_MS + 30 * MINUTE
    const sale = { productId: 'p-longjing', flashPriceFen: 5_900, quantity: 100, perMemberLimit: 2, tiers: [], startAt: start, endAt: start + 60 * MINUTE }

    await upsert('flashSales', { ...sale, _id: 'fs-1', title: '龙井秒杀' })
    await upsert('flashSales', { ...sale, _id: 'fs-2', title: '晚场秒杀', startAt: start + 60 * MINUTE, endAt: start + 120 * MINUTE })
    expect(ids((await home()).flashSales)).toEqual(['fs-1', 'fs-2'])

    await upsert('flashSales', { ...sale, _id: 'fs-1', title: '龙井秒杀', quantity: 150 })
    expect((await home()).flashSales[0]).toMatchObject({ _id: 'fs-1', quantity: 150, left: 150 })

    expect(await admin.call({ action: 'flashStop', token, saleId: 'fs-1' })).toMatchObject({ ok: true })
    expect(ids((await home()).flashSales)).toEqual(['fs-2'])
    await remove('flashSales', 'fs-2')
    expect((await home()).flashSales).toEqual([])
  })
})
