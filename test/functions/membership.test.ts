/**
 * member.bindGroup against the real local database: registered groups grant membership,
 * unknown groups are recorded for operators to name, expired and forged CloudIDs are refused.
 */
import member from '../../cloudfunctions/member/function'
import shop from '../../cloudfunctions/shop/function'
import { handle } from '../../cloudfunctions/platform/function'
import { devCloudId } from '../../cloudfunctions/platform/local/openData'
import { WechatOpenData } from '../../cloudfunctions/platform/wechat/openData'
import { DEMO_GROUPS, seedIfFirstStart } from '../../cloudfunctions/local/seed'
import { SHELF_CACHE_MS } from '../../cloudfunctions/services/products'
import { createTestCloud, type TestCloud } from '../helpers/cloud'
import { dumpAll, member as memberId, seedProduct } from './builders'
import { seedGroup, seedPriceDay } from './membership-builders'

const MINUTE = 60_000

describe('binding a member to a group', () => {
  let cloud: TestCloud

  beforeEach(() => {
    cloud = createTestCloud()
  })
  afterEach(() => cloud.close())

  const bind = (group: unknown, openid = memberId(1)) => cloud.call(member, { action: 'bindGroup', group }, { openid })

  it('makes a member of a registered group, since the first time they opened it', async () => {
    await seedGroup(cloud, { _id: 'G-core', name: '龙井核心群', tier: 'core' })
    await cloud.call(member, { action: 'login' }, { openid: memberId(1) })
    const joinedAt = cloud.clock.now()

    const first = await bind(devCloudId('G-core'))
    const view = { opengid: 'G-core', name: '龙井核心群', tier: 'core', since: joinedAt }
    expect(first).toEqual({ ok: true, data: { group: view, groups: [view], isNew: true } })
    expect(await cloud.db.get('memberships', `G-core:${memberId(1)}`)).toEqual({
      _id: `G-core:${memberId(1)}`,
      opengid: 'G-core',
      openid: memberId(1),
      since: joinedAt,
      lastSeenAt: joinedAt,
    })

    cloud.clock.advance(60 * MINUTE)
    const again = await bind(devCloudId('G-core'))
    expect(again).toEqual({ ok: true, data: { group: view, groups: [view], isNew: false } })
    expect(await cloud.db.get('memberships', `G-core:${memberId(1)}`)).toMatchObject({ since: joinedAt, lastSeenAt: cloud.clock.now() })
    expect(await cloud.db.get('members', memberId(1))).toMatchObject({ groups: [{ opengid: 'G-core', since: joinedAt }] })
  })

  it('keeps every group when a member binds several at once', async () => {
    const ids = ['G-a', 'G-b', 'G-c', 'G-d', 'G-e']
    for (const [i, id] of ids.entries()) await seedGroup(cloud, { _id: id, name: `群${i}`, tier: i % 2 ? 'ordinary' : 'topic', topic: i % 2 ? undefined : '科技' })
    const results = await Promise.all(ids.map((id) => bind(devCloudId(id))))
    expect(results.every((r) => r.ok)).toBe(true)
    const stored = await cloud.db.get('members', memberId(1))
    expect(stored?.groups?.map((g) => g.opengid).sort()).toEqual(ids)
    expect(await cloud.db.count('memberships', { openid: memberId(1) })).toBe(5)
  })

  it('creates the member when they bind before ever logging in', async () => {
    await seedGroup(cloud)
    expect(await bind(devCloudId('G-core'), memberId(5))).toMatchObject({ ok: true })
    expect(await cloud.db.get('members', memberId(5))).toMatchObject({ nickname: '群友0005', groups: [{ opengid: 'G-core' }] })
  })

  it('shows the member’s groups, and since when, on the profile and the home page', async () => {
    await seedGroup(cloud, { _id: 'G-tech', name: '数码发烧友', tier: 'topic', topic: '科技' })
    await cloud.call(member, { action: 'login' }, { openid: memberId(1) })
    await cloud.call(shop, { action: 'home' }, { openid: memberId(1) })
    await bind(devCloudId('G-tech'))
    const expected = [{ opengid: 'G-tech', name: '数码发烧友', tier: 'topic', topic: '科技', since: cloud.clock.now() }]
    const profile = await cloud.call(member, { action: 'profile' }, { openid: memberId(1) })
    expect(profile.data.groups).toEqual(expected)
    // The home page on this instance shows the new group at once, despite its caches.
    const home = await cloud.call(shop, { action: 'home' }, { openid: memberId(1) })
    expect(home.data.groups).toEqual(expected)
  })

  it('keeps the home page at no more than one read per view on average for members of groups', async () => {
    await seedProduct(cloud)
    await seedGroup(cloud)
    await seedPriceDay(cloud)
    for (let m = 0; m < 20; m++) await bind(devCloudId('G-core'), memberId(m))
    let reads = 0
    const db = new Proxy(cloud.db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver)
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          if (prop === 'get' || prop === 'query' || prop === 'count') reads += 1
          return value.apply(target, args)
        }
      },
    })
    const views = 400
    for (let i = 0; i < views; i++) {
      const res = await handle(shop, { action: 'home' }, { ...cloud.deps({ openid: memberId(i % 20) }), db })
      expect(res).toMatchObject({ ok: true, data: { groups: [{ opengid: 'G-core' }] } })
      cloud.clock.advance(150)
    }
    expect(reads / views).toBeLessThanOrEqual(1)
  })

  it('shows no groups to visitors and to members of none', async () => {
    await cloud.call(member, { action: 'login' }, { openid: memberId(2) })
    expect((await cloud.call(shop, { action: 'home' })).data.groups).toEqual([])
    expect((await cloud.call(shop, { action: 'home' }, { openid: memberId(2) })).data.groups).toEqual([])
    expect((await cloud.call(member, { action: 'profile' }, { openid: memberId(2) })).data.groups).toEqual([])
  })

  it('records an unregistered group as pending for operators, without making anyone a member', async () => {
    const res = await bind(devCloudId('G-new'))
    expect(res).toEqual({ ok: false, code: 'GROUP_NOT_REGISTERED', message: expect.stringContaining('还没有开通') })
    expect(await cloud.db.get('groups', 'G-new')).toMatchObject({
      status: 'pending',
      name: '',
      firstSeenAt: cloud.clock.now(),
      firstSeenBy: memberId(1),
      lastSeenBy: memberId(1),
    })
    expect(await cloud.db.count('memberships', {})).toBe(0)

    cloud.clock.advance(MINUTE)
    await bind(devCloudId('G-new'), memberId(2))
    expect(await cloud.db.get('groups', 'G-new')).toMatchObject({
      firstSeenBy: memberId(1),
      lastSeenAt: cloud.clock.now(),
      lastSeenBy: memberId(2),
    })
  })

  it('records one pending group when first sightings race', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => bind(devCloudId('G-race'), memberId(i))))
    expect(results.every((r) => r.code === 'GROUP_NOT_REGISTERED')).toBe(true)
    expect(await cloud.db.count('groups', {})).toBe(1)
  })

  it('grants membership once an operator has named the pending group', async () => {
    await bind(devCloudId('G-later'))
    await cloud.db.update('groups', { _id: 'G-later' }, { set: { status: 'registered', name: '新开的群', tier: 'like' } })
    expect(await bind(devCloudId('G-later'))).toMatchObject({ ok: true, data: { group: { name: '新开的群', tier: 'like' } } })
  })

  it('does not show a group that is no longer registered', async () => {
    await seedGroup(cloud)
    await bind(devCloudId('G-core'))
    await cloud.call(shop, { action: 'home' }, { openid: memberId(1) })
    await cloud.db.update('groups', { _id: 'G-core' }, { set: { status: 'pending' } })
    expect((await cloud.call(member, { action: 'profile' }, { openid: memberId(1) })).data.groups).toEqual([])
    // The home page follows within its cache time.
    cloud.clock.advance(SHELF_CACHE_MS)
    expect((await cloud.call(shop, { action: 'home' }, { openid: memberId(1) })).data.groups).toEqual([])
  })

  it('refuses an expired CloudID with a clear message and writes nothing', async () => {
    await seedGroup(cloud)
    const before = await dumpAll(cloud.db)
    const res = await bind('dev-expired:G-core')
    expect(res).toEqual({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('已过期') })
    expect(await dumpAll(cloud.db)).toEqual(before)
  })

  it('refuses a forged open-data field and writes nothing', async () => {
    await seedGroup(cloud)
    const before = await dumpAll(cloud.db)
    const forged = { cloudID: 'made-up', data: { openGId: 'G-core', watermark: { appid: 'wx-local', timestamp: 1 } } }
    expect(await bind(forged)).toEqual({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('校验未通过') })
    expect(await dumpAll(cloud.db)).toEqual(before)
  })

  it('lets demo members bind to the demo shop’s groups', async () => {
    await seedIfFirstStart(cloud.db, { now: cloud.clock.now(), adminPassword: 'demo-password' })
    for (const group of DEMO_GROUPS) {
      expect(await bind(devCloudId(group._id), 'demo-alice')).toMatchObject({ ok: true, data: { group: { name: group.name, tier: group.tier } } })
    }
  })

  it('asks for an identity', async () => {
    await seedGroup(cloud)
    expect(await cloud.call(member, { action: 'bindGroup', group: devCloudId('G-core') })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  describe('with WeChat open data', () => {
    const replaced = { cloudID: 'cid-1', data: { openGId: 'G-core', watermark: { appid: 'wx-local', timestamp: 1 } } }
    const withWechat = (replacedFields: string[]) => ({
      ...cloud.deps({ openid: memberId(1) }),
      openData: new WechatOpenData({ getOpenData: jest.fn(), replacedFields, appid: 'wx-local' }),
    })

    it('binds from the field WeChat replaced', async () => {
      await seedGroup(cloud)
      const res = await handle(member, { action: 'bindGroup', group: replaced }, withWechat(['group']))
      expect(res).toMatchObject({ ok: true, data: { group: { opengid: 'G-core' } } })
    })

    it('refuses the same object when WeChat did not put it there', async () => {
      await seedGroup(cloud)
      const res = await handle(member, { action: 'bindGroup', group: replaced }, withWechat([]))
      expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(await cloud.db.count('memberships', {})).toBe(0)
    })
  })
})
