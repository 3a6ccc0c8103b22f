/**
 * The console home's numbers on a small known dataset, and image uploads through the file store.
 */
import fs from 'node:fs'
import path from 'node:path'
import { IMAGE_MAX_BYTES } from '../../cloudfunctions/admin/upload'
import { TEST_START_MS } from '../helpers/cloud'
import { createAdminCloud, PASSWORD, makeGroup, makeMembership, makeOrder, type AdminCloud } from './admin-fixtures'

const DAY = 86_400_000
const at = (iso: string) => Date.parse(iso)

let admin: AdminCloud
let token: string

beforeEach(async () => {
  admin = await createAdminCloud()
  token = await admin.tokenFor('viewer')
})
afterEach(() => admin.close())

describe('admin.metrics', () => {
  beforeEach(async () => {
    const { db } = admin.cloud
    await db.add('groups', makeGroup({ _id: 'G-core', name: '龙井核心群', tier: 'core' }))
    await db.add('groups', makeGroup({ _id: 'G-all', name: '茶友普通群', tier: 'ordinary' }))
    await db.add('groups', makeGroup({ _id: 'G-tech', name: '科技群', tier: 'topic', topic: '科技' }))
    await db.add('groups', makeGroup({ _id: 'G-new', status: 'pending', name: '' }))
    for (const [group, openid] of [
      ['G-core', 'm1'],
      ['G-core', 'm2'],
      ['G-core', 'm3'],
      ['G-all', 'm3'],
      ['G-all', 'm4'],
      ['G-new', 'm6'],
    ]) {
      await db.add('memberships', makeMembership(group, openid))
    }
    const orders = [
      // Today (2026-11-18, China time).
      { openid: 'm1', status: 'paid', totalFen: 100, createdAt: at('2026-11-18T00:00:00+08:00') },
      { openid: 'm1', status: 'paid', totalFen: 200, createdAt: at('2026-11-18T09:00:00+08:00') },
      { openid: 'm2', status: 'pending', totalFen: 300, createdAt: at('2026-11-18T09:30:00+08:00') },
      { openid: 'm4', status: 'paid', totalFen: 400, createdAt: at('2026-11-18T09:59:00+08:00') },
      // Yesterday, one second before midnight China time.
      { openid: 'm3', status: 'paid', totalFen: 1_000, createdAt: at('2026-11-17T23:59:59+08:00') },
      { openid: 'm5', status: 'paid', totalFen: 50, createdAt: at('2026-11-17T12:00:00+08:00') },
      { openid: 'm5', status: 'expired', totalFen: 77, createdAt: at('2026-11-17T11:00:00+08:00') },
      // The first day of the 7-day window, and the day before it.
      { openid: 'm2', status: 'cancelled', totalFen: 10, createdAt: at('2026-11-12T00:00:00+08:00') },
      { openid: 'm2', status: 'paid', totalFen: 9_999, createdAt: at('2026-11-11T23:59:59+08:00') },
    ] as const
    for (const [i, order] of orders.entries()) await db.add('orders', makeOrder({ _id: `o-${i}`, ...order }))
  })

  it('counts orders, GMV and buyers today and over the last 7 China days', async () => {
    const { data } = await admin.call({ action: 'metrics', token })
    expect(data.serverNow).toBe(TEST_START_MS)
    expect(data.today).toEqual({ orders: 4, paidOrders: 3, gmvFen: 700, buyers: 2 })
    expect(data.last7Days).toEqual({ orders: 8, paidOrders: 5, gmvFen: 1_750, buyers: 4 })
    expect(data.daily.map((d: { day: string }) => d.day)).toEqual([
      '2026-11-12',
      '2026-11-13',
      '2026-11-14',
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
    ])
    expect(data.daily[0]).toEqual({ day: '2026-11-12', orders: 1, paidOrders: 0, gmvFen: 0, buyers: 0 })
    expect(data.daily[5]).toEqual({ day: '2026-11-17', orders: 3, paidOrders: 2, gmvFen: 1_050, buyers: 2 })
    expect(data.daily[6]).toEqual({ day: '2026-11-18', ...data.today })
    expect(data.truncated).toBe(false)
  })

  it('counts members and converting buyers per registered group, most members first', async () => {
    const { data } = await admin.call({ action: 'metrics', token })
    expect(data.groups).toEqual([
      { opengid: 'G-core', name: '龙井核心群', tier: 'core', members: 3, buyers: 2, conversion: 2 / 3 },
      { opengid: 'G-all', name: '茶友普通群', tier: 'ordinary', members: 2, buyers: 2, conversion: 1 },
      { opengid: 'G-tech', name: '科技群', tier: 'topic', topic: '科技', members: 0, buyers: 0, conversion: 0 },
    ])
    expect(data.pendingGroups).toBe(1)
  })

  it('moves the window with the clock', async () => {
    admin.cloud.clock.set(TEST_START_MS + 7 * DAY)
    const fresh = (await admin.call({ action: 'login', username: 'admin', password: PASSWORD })).data.token
    const { data } = await admin.call({ action: 'metrics', token: fresh })
    expect(data.today.orders).toBe(0)
    expect(data.last7Days.orders).toBe(0)
  })
})

describe('admin.uploadImage', () => {
  // The smallest valid PNG: a 1x1 transparent pixel.
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  )
  const upload = async (content: Buffer | string, name = 'cover.png') =>
    admin.call({ action: 'uploadImage', token: await admin.tokenFor('operator'), name, contentBase64: typeof content === 'string' ? content : content.toString('base64') })

  it('stores a picture under its content hash and answers the URL the local cloud serves it at', async () => {
    const first = await upload(PNG)
    expect(first).toEqual({ ok: true, data: { url: expect.stringMatching(/^\/files\/products\/[0-9a-f]{32}\.png$/) } })
    const stored = path.join(admin.filesDir, first.data.url.replace('/files/', ''))
    expect(fs.readFileSync(stored)).toEqual(PNG)
    expect(await upload(PNG, 'again.png')).toEqual(first)
  })

  it.each([
    ['an SVG, which could carry script', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['a file that is not an image', Buffer.from('hello')],
    ['a picture over the size limit', Buffer.concat([PNG, Buffer.alloc(IMAGE_MAX_BYTES)])],
    ['text that is not base64', 'not base64!'],
  ])('refuses %s and stores nothing', async (_name, content) => {
    const result = await upload(content)
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(fs.readdirSync(admin.filesDir)).toEqual([])
  })
})
