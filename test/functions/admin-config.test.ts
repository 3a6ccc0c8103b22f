/**
 * admin upsert / list / remove per config kind against the real local database: every change
 * lands with its audit entry, invalid config is refused with the field named and nothing
 * written, and only operators with the write permission may change anything.
 */
import member from '../../cloudfunctions/member/function'
import shop from '../../cloudfunctions/shop/function'
import { TOKEN_TTL_MS } from '../../cloudfunctions/admin/token'
import type { AuditEntry, FlashSale, PriceDay } from '../../cloudfunctions/core/model'
import { devCloudId } from '../../cloudfunctions/platform/local/openData'
import { TEST_START_MS } from '../helpers/cloud'
import { dumpAll } from './builders'
import { createAdminCloud, makeGroup, makeMembership, makeOrder, makeProduct, productInput, type AdminCloud } from './admin-fixtures'

const MINUTE = 60_000
const TODAY = '2026-11-18'

let admin: AdminCloud
let token: string

beforeEach(async () => {
  admin = await createAdminCloud()
  token = await admin.tokenFor('operator')
})
afterEach(() => admin.close())

const upsert = (kind: string, doc: object, extra: object = {}) => admin.call({ action: 'upsert', token, kind, doc, ...extra })
const remove = (kind: string, id: string) => admin.call({ action: 'remove', token, kind, id })
const auditOf = async (): Promise<AuditEntry[]> => (await admin.call({ action: 'audit', token, limit: 100 })).data.items

/** Runs `change`, expects INVALID_INPUT naming `field`, and that nothing at all was written. */
async function expectRefused(change: () => Promise<any>, field: string) {
  const before = await dumpAll(admin.cloud.db)
  const result = await change()
  expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { [field]: expect.any(String) } })
  expect(result.message).toContain(field)
  expect(await dumpAll(admin.cloud.db)).toEqual(before)
}

describe('products', () => {
  it('creates a product with the price in fen, nothing sold, and an audit entry', async () => {
    const created = await upsert('products', productInput({ _id: 'p-new' }))
    const stored = { ...productInput({ _id: 'p-new' }), sold: 0, createdAt: TEST_START_MS, updatedAt: TEST_START_MS }
    expect(created).toEqual({ ok: true, data: stored })
    expect(await admin.cloud.db.get('products', 'p-new')).toEqual(stored)
    expect(await auditOf()).toEqual([
      expect.objectContaining({ operator: 'operator', action: 'create', kind: 'products', targetId: 'p-new', before: null, after: stored, at: TEST_START_MS }),
    ])
  })

  it('picks an id for a new product when none is given', async () => {
    const created = await upsert('products', productInput())
    expect(created.data._id).toMatch(/^p-[a-z0-9]+$/)
    expect(await admin.cloud.db.get('products', created.data._id)).toEqual(created.data)
  })

  it('edits a product, keeping what it sold and when it was created, and logs before and after', async () => {
    const original = makeProduct({ sold: 7 })
    await admin.cloud.db.add('products', original)
    admin.cloud.clock.advance(MINUTE)
    const edited = await upsert('products', productInput({ _id: original._id, title: '明前龙井 500g', priceFen: 23_900, stock: 0, loadedStock: 50 }))
    expect(edited.data).toMatchObject({ title: '明前龙井 500g', priceFen: 23_900, stock: 0, sold: 7, createdAt: TEST_START_MS, updatedAt: TEST_START_MS + MINUTE })
    const [entry] = await auditOf()
    expect(entry).toMatchObject({ action: 'update', targetId: original._id, before: original, after: edited.data })
  })

  it('unlists a product so members can no longer open it', async () => {
    await admin.cloud.db.add('products', makeProduct())
    expect((await admin.cloud.call(shop, { action: 'product', productId: 'p-longjing' })).ok).toBe(true)
    await upsert('products', productInput({ _id: 'p-longjing', status: 'unlisted', loadedStock: 50 }))
    expect(await admin.cloud.call(shop, { action: 'product', productId: 'p-longjing' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect((await admin.call({ action: 'list', token, kind: 'products', status: 'unlisted' })).data.total).toBe(1)
  })

  it.each([
    ['a negative stock', { stock: -1 }, 'stock'],
    ['a fractional stock', { stock: 1.5 }, 'stock'],
    ['a zero price', { priceFen: 0 }, 'priceFen'],
    ['a price in yuan with decimals', { priceFen: 129.9 }, 'priceFen'],
    ['a price given as text', { priceFen: '129' }, 'priceFen'],
    ['an empty name', { title: '   ' }, 'title'],
    ['no picture', { images: [] }, 'images'],
    ['a picture outside the file store', { images: ['javascript:alert(1)'] }, 'images.0'],
    ['a picture path that climbs out', { images: ['/files/../qunyou.db'] }, 'images.0'],
    ['an unknown shelf state', { status: 'deleted' }, 'status'],
    ['a field the server owns', { sold: 99 }, 'sold'],
  ])('refuses %s, naming the field and writing nothing', async (_name, change, field) => {
    await expectRefused(() => upsert('products', productInput(change)), field)
  })

  it('refuses a list price at or below a member price that refers to the product', async () => {
    await admin.cloud.db.add('products', makeProduct())
    await upsert('priceDays', { title: '周三群友价', rule: { kind: 'date', day: TODAY }, items: [{ productId: 'p-longjing', memberPriceFen: 9_900, limitPerMember: 2 }], tiers: ['core'] })
    await expectRefused(() => upsert('products', productInput({ _id: 'p-longjing', priceFen: 9_900 })), 'priceFen')
  })

  it('removes a product nobody ordered, and refuses one with orders', async () => {
    await admin.cloud.db.add('products', makeProduct({ _id: 'p-unsold' }))
    await admin.cloud.db.add('products', makeProduct({ _id: 'p-sold' }))
    await admin.cloud.db.add('orders', makeOrder({ productId: 'p-sold' }))
    expect(await remove('products', 'p-unsold')).toEqual({ ok: true, data: { id: 'p-unsold' } })
    expect(await admin.cloud.db.get('products', 'p-unsold')).toBeNull()
    expect((await auditOf())[0]).toMatchObject({ action: 'remove', kind: 'products', targetId: 'p-unsold', before: makeProduct({ _id: 'p-unsold' }), after: null })

    const before = await dumpAll(admin.cloud.db)
    expect(await remove('products', 'p-sold')).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await remove('products', 'p-missing')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await dumpAll(admin.cloud.db)).toEqual(before)
  })

  it('refuses an edit based on a version someone else has changed since', async () => {
    await admin.cloud.db.add('products', makeProduct())
    const stale = await upsert('products', productInput({ _id: 'p-longjing' }), { baseUpdatedAt: TEST_START_MS - 1 })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
    const fresh = await upsert('products', productInput({ _id: 'p-longjing', stock: 3, loadedStock: 50 }), { baseUpdatedAt: TEST_START_MS })
    expect(fresh.data.stock).toBe(3)
  })
})

describe('groups', () => {
  it('lists groups waiting for a name first', async () => {
    await admin.cloud.db.add('groups', makeGroup({ _id: 'G-a', updatedAt: TEST_START_MS + 2 }))
    await admin.cloud.db.add('groups', makeGroup({ _id: 'G-pending', status: 'pending', name: '', updatedAt: TEST_START_MS }))
    await admin.cloud.db.add('groups', makeGroup({ _id: 'G-b', updatedAt: TEST_START_MS + 1 }))
    const listed = await admin.call({ action: 'list', token, kind: 'groups' })
    expect(listed.data.items.map((g: { _id: string }) => g._id)).toEqual(['G-pending', 'G-a', 'G-b'])
    expect((await admin.call({ action: 'list', token, kind: 'groups', status: 'pending' })).data.total).toBe(1)
  })

  it('registers a seen group when an operator names it, and its members then count', async () => {
    // A member opens the mini program from a group nobody has registered yet.
    await admin.cloud.call(member, { action: 'bindGroup', group: devCloudId('G-seen') }, { openid: 'o-member-0001' })
    expect(await admin.cloud.db.get('groups', 'G-seen')).toMatchObject({ status: 'pending' })

    admin.cloud.clock.advance(MINUTE)
    const named = await upsert('groups', { _id: 'G-seen', name: '科技垂类群', tier: 'topic', topic: '科技' })
    expect(named.data).toMatchObject({ _id: 'G-seen', status: 'registered', name: '科技垂类群', tier: 'topic', topic: '科技', registeredAt: TEST_START_MS + MINUTE })
    expect((await auditOf())[0]).toMatchObject({ action: 'update', kind: 'groups', before: expect.objectContaining({ status: 'pending' }), after: named.data })

    const joined = await admin.cloud.call(member, { action: 'bindGroup', group: devCloudId('G-seen') }, { openid: 'o-member-0002' })
    expect(joined).toMatchObject({ ok: true, data: { group: { opengid: 'G-seen', name: '科技垂类群' } } })
  })

  it('drops the topic when a topic group becomes another tier', async () => {
    await admin.cloud.db.add('groups', makeGroup({ tier: 'topic', topic: '科技' }))
    const changed = await upsert('groups', { _id: 'G-core', name: '龙井核心群', tier: 'core' })
    expect(changed.data).not.toHaveProperty('topic')
    expect(changed.data.tier).toBe('core')
  })

  it.each([
    ['a topic group without a topic', { tier: 'topic' }, 'topic'],
    ['a topic on an ordinary group', { tier: 'ordinary', topic: '科技' }, 'topic'],
    ['an unknown tier', { tier: 'vip' }, 'tier'],
    ['an empty name', { name: ' ' }, 'name'],
    ['a bad opengid', { _id: 'G core!' }, '_id'],
  ])('refuses %s', async (_name, change, field) => {
    await admin.cloud.db.add('groups', makeGroup({ status: 'pending', name: '' }))
    await expectRefused(() => upsert('groups', { _id: 'G-core', name: '核心群', tier: 'core', ...change }), field)
  })

  it('lists the members of a group with their nicknames', async () => {
    await admin.cloud.db.add('groups', makeGroup())
    await admin.cloud.db.add('members', { _id: 'o-member-0001', nickname: '小爱', createdAt: TEST_START_MS, lastSeenAt: TEST_START_MS })
    await admin.cloud.db.add('memberships', makeMembership('G-core', 'o-member-0001'))
    await admin.cloud.db.add('memberships', makeMembership('G-other', 'o-member-0002'))
    const listed = await admin.call({ action: 'list', token, kind: 'memberships', opengid: 'G-core' })
    expect(listed.data).toEqual({ items: [{ ...makeMembership('G-core', 'o-member-0001'), nickname: '小爱' }], total: 1 })
  })

  it('removes a group, logging what it was', async () => {
    await admin.cloud.db.add('groups', makeGroup())
    expect((await remove('groups', 'G-core')).ok).toBe(true)
    expect(await admin.cloud.db.get('groups', 'G-core')).toBeNull()
    expect((await auditOf())[0]).toMatchObject({ action: 'remove', kind: 'groups', before: makeGroup() })
  })
})

describe('price days', () => {
  const priceDay = (overrides: Record<string, unknown> = {}) => ({
    title: '周三群友价',
    rule: { kind: 'date', day: TODAY },
    items: [{ productId: 'p-longjing', memberPriceFen: 9_900, limitPerMember: 2 }],
    tiers: ['core'],
    ...overrides,
  })

  beforeEach(async () => {
    await admin.cloud.db.add('products', makeProduct())
    await admin.cloud.db.add('groups', makeGroup())
  })

  it('schedules today as a price day, and a core-group member sees the member price at once', async () => {
    await admin.cloud.call(member, { action: 'bindGroup', group: devCloudId('G-core') }, { openid: 'o-member-0001' })
    const before = await admin.cloud.call(shop, { action: 'product', productId: 'p-longjing' }, { openid: 'o-member-0001' })
    expect(before.data.priceFen).toBe(12_900)

    const created = await upsert('priceDays', priceDay())
    expect(created.data).toEqual({ _id: expect.stringMatching(/^pd-/), ...priceDay(), status: 'active', createdAt: TEST_START_MS, updatedAt: TEST_START_MS })
    expect((await auditOf())[0]).toMatchObject({ action: 'create', kind: 'priceDays', targetId: created.data._id, after: created.data })

    const after = await admin.cloud.call(shop, { action: 'product', productId: 'p-longjing' }, { openid: 'o-member-0001' })
    expect(after.data).toMatchObject({ priceFen: 9_900, listPriceFen: 12_900, priceDay: { eligible: true, memberPriceFen: 9_900 } })
  })

  it('accepts a weekly rule and lists price days newest first', async () => {
    await upsert('priceDays', priceDay({ _id: 'pd-first' }))
    admin.cloud.clock.advance(MINUTE)
    await upsert('priceDays', priceDay({ _id: 'pd-weekly', rule: { kind: 'weekly', weekday: 3, startDay: TODAY } }))
    const listed = await admin.call({ action: 'list', token, kind: 'priceDays' })
    expect(listed.data.items.map((p: PriceDay) => p._id)).toEqual(['pd-weekly', 'pd-first'])
  })

  it.each([
    ['a member price at the list price', { items: [{ productId: 'p-longjing', memberPriceFen: 12_900, limitPerMember: 2 }] }, 'items.0.memberPriceFen'],
    ['a limit of zero', { items: [{ productId: 'p-longjing', memberPriceFen: 9_900, limitPerMember: 0 }] }, 'items.0.limitPerMember'],
    ['an unknown product', { items: [{ productId: 'p-nothing', memberPriceFen: 9_900, limitPerMember: 1 }] }, 'items.0.productId'],
    ['no product', { items: [] }, 'items'],
    ['a day in the past', { rule: { kind: 'date', day: '2026-11-17' } }, 'rule.day'],
    ['an impossible day', { rule: { kind: 'date', day: '2026-02-30' } }, 'rule.day'],
    ['no qualifying tier', { tiers: [] }, 'tiers'],
    ['a weekday out of range', { rule: { kind: 'weekly', weekday: 7 } }, 'rule.weekday'],
  ])('refuses %s', async (_name, change, field) => {
    await expectRefused(() => upsert('priceDays', priceDay(change)), field)
  })

  it('archives and removes a price day, each change audited', async () => {
    const created = (await upsert('priceDays', priceDay({ _id: 'pd-1' }))).data
    admin.cloud.clock.advance(MINUTE)
    const archived = await upsert('priceDays', priceDay({ _id: 'pd-1', status: 'archived' }))
    expect(archived.data.status).toBe('archived')
    admin.cloud.clock.advance(MINUTE)
    expect((await remove('priceDays', 'pd-1')).ok).toBe(true)
    const entries = await auditOf()
    expect(entries.map((e) => e.action)).toEqual(['remove', 'update', 'create'])
    expect(entries[1]).toMatchObject({ before: created, after: archived.data })
  })
})

describe('flash sales', () => {
  const START = TEST_START_MS + 30 * MINUTE
  const sale = (overrides: Record<string, unknown> = {}) => ({
    _id: 'fs-1',
    productId: 'p-longjing',
    title: '龙井秒杀',
    flashPriceFen: 5_900,
    quantity: 100,
    perMemberLimit: 2,
    tiers: ['core'],
    startAt: START,
    endAt: START + 60 * MINUTE,
    ...overrides,
  })

  beforeEach(async () => {
    await admin.cloud.db.add('products', makeProduct())
  })

  it('schedules a sale with every unit left', async () => {
    const created = await upsert('flashSales', sale())
    expect(created.data).toEqual({ ...sale(), left: 100, reserved: 0, paid: 0, status: 'scheduled', createdAt: TEST_START_MS, updatedAt: TEST_START_MS })
    expect((await auditOf())[0]).toMatchObject({ action: 'create', kind: 'flashSales', targetId: 'fs-1' })
  })

  it.each([
    ['an end before the start', { endAt: START - MINUTE }, 'endAt'],
    ['an end equal to the start', { endAt: START }, 'endAt'],
    ['a flash price at the list price', { flashPriceFen: 12_900 }, 'flashPriceFen'],
    ['a quantity of zero', { quantity: 0 }, 'quantity'],
    ['a per-member limit of zero', { perMemberLimit: 0 }, 'perMemberLimit'],
    ['an unknown product', { productId: 'p-nothing' }, 'productId'],
    ['a sale that has ended already', { startAt: TEST_START_MS - 60 * MINUTE, endAt: TEST_START_MS - MINUTE }, 'endAt'],
  ])('refuses %s', async (_name, change, field) => {
    await expectRefused(() => upsert('flashSales', sale(change)), field)
  })

  it('refuses a sale overlapping another sale of the same product', async () => {
    await upsert('flashSales', sale())
    await expectRefused(() => upsert('flashSales', sale({ _id: 'fs-2', startAt: START + 30 * MINUTE, endAt: START + 90 * MINUTE })), 'startAt')
    expect((await upsert('flashSales', sale({ _id: 'fs-3', startAt: START + 60 * MINUTE, endAt: START + 90 * MINUTE }))).ok).toBe(true)
  })

  it('lets one of several operators scheduling overlapping sales of a product at the same moment through', async () => {
    const attempts = Array.from({ length: 6 }, (_, i) => sale({ _id: `fs-race-${i}`, startAt: START + i * MINUTE, endAt: START + (60 + i) * MINUTE }))
    const results = await Promise.all(attempts.map((doc) => upsert('flashSales', doc)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    for (const refused of results.filter((r) => !r.ok)) {
      expect(refused).toMatchObject({ code: 'INVALID_INPUT', fields: { startAt: expect.stringContaining('时间重叠') } })
    }
    expect(await admin.cloud.db.count('flashSales', { productId: 'p-longjing' })).toBe(1)
    expect((await auditOf()).filter((e) => e.kind === 'flashSales')).toHaveLength(1)
  })

  it('no longer counts a sale that was stopped or removed as a clash', async () => {
    await upsert('flashSales', sale())
    await upsert('flashSales', sale({ _id: 'fs-2', startAt: START + 120 * MINUTE, endAt: START + 180 * MINUTE }))
    expect(await admin.call({ action: 'flashStop', token, saleId: 'fs-1' })).toMatchObject({ ok: true })
    expect((await remove('flashSales', 'fs-2')).ok).toBe(true)
    expect((await upsert('flashSales', sale({ _id: 'fs-3', endAt: START + 150 * MINUTE }))).ok).toBe(true)
    await expectRefused(() => upsert('flashSales', sale({ _id: 'fs-4', startAt: START + 140 * MINUTE, endAt: START + 200 * MINUTE })), 'startAt')
  })

  it('moves a sale within its own window, and frees the window it left', async () => {
    await upsert('flashSales', sale())
    expect((await upsert('flashSales', sale({ startAt: START + 30 * MINUTE, endAt: START + 90 * MINUTE }))).ok).toBe(true)
    expect((await upsert('flashSales', sale({ _id: 'fs-2', startAt: START, endAt: START + 30 * MINUTE }))).ok).toBe(true)
  })

  it('moves what is left with the quantity, never below the units already in orders', async () => {
    await upsert('flashSales', sale())
    await admin.cloud.db.update('flashSales', { _id: 'fs-1' }, { inc: { left: -5, reserved: 3, paid: 2 } })
    const grown = await upsert('flashSales', sale({ quantity: 120 }))
    expect(grown.data).toMatchObject({ quantity: 120, left: 115, reserved: 3, paid: 2 })
    await expectRefused(() => upsert('flashSales', sale({ quantity: 4 })), 'quantity')
    expect(await remove('flashSales', 'fs-1')).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('moves the sale\'s updatedAt on every save, even two in the same millisecond (orders tell an edited sale by it)', async () => {
    const created = await upsert('flashSales', sale())
    const first = await upsert('flashSales', sale({ flashPriceFen: 4_900 }))
    const second = await upsert('flashSales', sale({ flashPriceFen: 4_800 }))
    expect([created.data.updatedAt, first.data.updatedAt, second.data.updatedAt]).toEqual([TEST_START_MS, TEST_START_MS + 1, TEST_START_MS + 2])
  })

  it('lists sales latest start first and removes one without orders', async () => {
    await upsert('flashSales', sale())
    await upsert('flashSales', sale({ _id: 'fs-late', startAt: START + 120 * MINUTE, endAt: START + 180 * MINUTE }))
    const listed = await admin.call({ action: 'list', token, kind: 'flashSales' })
    expect(listed.data.items.map((s: FlashSale) => s._id)).toEqual(['fs-late', 'fs-1'])
    expect((await remove('flashSales', 'fs-late')).ok).toBe(true)
  })
})

describe('who may change config', () => {
  const doc = productInput({ _id: 'p-new' })

  it('refuses every change without a token, with an expired token, or from a viewer, and writes nothing', async () => {
    await admin.cloud.db.add('products', makeProduct())
    const viewer = await admin.tokenFor('viewer')
    const before = await dumpAll(admin.cloud.db)

    expect(await admin.call({ action: 'upsert', kind: 'products', doc })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await admin.call({ action: 'remove', kind: 'products', id: 'p-longjing' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await admin.call({ action: 'upsert', token: viewer, kind: 'products', doc })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await admin.call({ action: 'remove', token: viewer, kind: 'products', id: 'p-longjing' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await admin.call({ action: 'uploadImage', token: viewer, name: 'a.png', contentBase64: 'iVBORw0KGgo=' })).toMatchObject({ code: 'FORBIDDEN' })

    admin.cloud.clock.advance(TOKEN_TTL_MS)
    expect(await admin.call({ action: 'upsert', token, kind: 'products', doc })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await dumpAll(admin.cloud.db)).toEqual(before)
  })

  it('lets a viewer read the lists, the audit log and the numbers', async () => {
    const viewer = await admin.tokenFor('viewer')
    for (const event of [
      { action: 'list', kind: 'groups' },
      { action: 'list', kind: 'priceDays' },
      { action: 'list', kind: 'flashSales' },
      { action: 'list', kind: 'outbox' },
      { action: 'audit' },
      { action: 'metrics' },
    ]) {
      expect(await admin.call({ ...event, token: viewer })).toMatchObject({ ok: true })
    }
  })

  it('refuses an unknown kind and a document that is not an object', async () => {
    for (const event of [
      { kind: 'operators', doc: { _id: 'x' } },
      { kind: 'products', doc: 'p-1' },
      { kind: 'products', doc: [productInput()] },
      { kind: 'products', doc, extra: 1 },
    ]) {
      expect(await admin.call({ action: 'upsert', token, ...event })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
    expect(await admin.call({ action: 'remove', token, kind: 'products', id: '../x' })).toMatchObject({ code: 'INVALID_INPUT' })
  })
})

describe('the audit log', () => {
  it('lists every change newest first, by kind, a page at a time', async () => {
    await upsert('products', productInput({ _id: 'p-a' }))
    admin.cloud.clock.advance(MINUTE)
    await upsert('products', productInput({ _id: 'p-b' }))
    admin.cloud.clock.advance(MINUTE)
    await admin.cloud.db.add('groups', makeGroup({ status: 'pending', name: '' }))
    await upsert('groups', { _id: 'G-core', name: '核心群', tier: 'core' })

    const all = await admin.call({ action: 'audit', token })
    expect(all.data.total).toBe(3)
    expect(all.data.items.map((e: AuditEntry) => e.targetId)).toEqual(['G-core', 'p-b', 'p-a'])
    const products = await admin.call({ action: 'audit', token, kind: 'products', skip: 1, limit: 1 })
    expect(products.data).toEqual({ items: [expect.objectContaining({ targetId: 'p-a' })], total: 2 })
  })
})

describe('orders by group', () => {
  it('lists the orders of the group’s members', async () => {
    await admin.cloud.db.add('memberships', makeMembership('G-core', 'o-member-0001'))
    await admin.cloud.db.add('memberships', makeMembership('G-other', 'o-member-0002'))
    await admin.cloud.db.add('orders', makeOrder({ _id: 'o-core', openid: 'o-member-0001' }))
    await admin.cloud.db.add('orders', makeOrder({ _id: 'o-other', openid: 'o-member-0002' }))
    const listed = await admin.call({ action: 'list', token, kind: 'orders', opengid: 'G-core' })
    expect(listed.data).toEqual({ items: [expect.objectContaining({ _id: 'o-core' })], total: 1 })
    expect((await admin.call({ action: 'list', token, kind: 'orders', opengid: 'G-empty' })).data).toEqual({ items: [], total: 0 })
  })
})

describe('bad input to the console actions', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['upsert without a kind', { action: 'upsert', doc: productInput() }],
    ['upsert without a document', { action: 'upsert', kind: 'products' }],
    ['upsert with a negative base version', { action: 'upsert', kind: 'products', doc: productInput(), baseUpdatedAt: -1 }],
    ['remove without an id', { action: 'remove', kind: 'products' }],
    ['remove with an extra field', { action: 'remove', kind: 'products', id: 'p-1', force: true }],
    ['audit of a kind with symbols', { action: 'audit', kind: '$where' }],
    ['audit with a limit over 100', { action: 'audit', limit: 101 }],
    ['metrics with an extra field', { action: 'metrics', day: '2026-11-18' }],
    ['members of no group', { action: 'list', kind: 'memberships' }],
    ['orders of a malformed group', { action: 'list', kind: 'orders', opengid: '../G' }],
    ['groups in an unknown state', { action: 'list', kind: 'groups', status: 'deleted' }],
    ['an upload without content', { action: 'uploadImage', name: 'a.png' }],
    ['an upload with an empty name', { action: 'uploadImage', name: ' ', contentBase64: 'iVBORw0KGgo=' }],
    ['an upload too large to be a picture', { action: 'uploadImage', name: 'a.png', contentBase64: 'A'.repeat(1_000_000) }],
    ['stopping a sale with a bad id', { action: 'flashStop', saleId: 'sale 1' }],
    ['the live view without a sale', { action: 'flashLive' }],
    ['a report of a numeric sale', { action: 'flashReport', saleId: 42 }],
    ['reconciling with an extra field', { action: 'flashReconcile', all: true }],
  ]

  it.each(cases)('answers INVALID_INPUT and writes nothing: %s', async (_name, event) => {
    const before = await dumpAll(admin.cloud.db)
    const result = await admin.call({ ...event, token })
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.any(String) })
    expect(await dumpAll(admin.cloud.db)).toEqual(before)
  })
})
