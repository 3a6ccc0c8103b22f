import { z } from 'zod'
import { ok } from '../../cloudfunctions/core/errors'
import { action, defineFunction } from '../../cloudfunctions/platform/function'
import { createTestCloud, TEST_START_MS, type TestCloud } from '../helpers/cloud'

const whoami = defineFunction('whoami', {
  me: action(z.object({}).strict(), async (_input, deps) => ok({ ctx: deps.ctx, now: deps.now() })),
  boom: action(z.object({}).strict(), async () => {
    throw new Error('bug')
  }),
})

let cloud: TestCloud
beforeEach(() => {
  cloud = createTestCloud({ config: { orderTtlMs: 1000 } })
})
afterEach(() => cloud.close())

describe('the test cloud', () => {
  it('starts its clock at 2026-11-18 10:00 China time and lets the test move it', () => {
    expect(cloud.clock.now()).toBe(TEST_START_MS)
    expect(new Date(TEST_START_MS).toISOString()).toBe('2026-11-18T02:00:00.000Z')
    cloud.clock.advance(500)
    expect(cloud.clock.now()).toBe(TEST_START_MS + 500)
    cloud.clock.set(1)
    expect(cloud.clock.now()).toBe(1)
  })

  it('calls a function as the gateway does, identity from `as`', async () => {
    expect(await cloud.call(whoami, { action: 'me' }, { openid: 'demo-alice' })).toEqual({
      ok: true,
      data: { ctx: { openid: 'demo-alice', appid: 'wx-local', clientIp: '127.0.0.1', source: 'wx_client' }, now: TEST_START_MS },
    })
    const anonymous = await cloud.call(whoami, { action: 'me' })
    expect(anonymous.data.ctx.openid).toBe('')
  })

  it('merges config overrides over the defaults', () => {
    expect(cloud.config.orderTtlMs).toBe(1000)
  })

  it('collects logged errors silently and answers INTERNAL for a throw', async () => {
    expect(await cloud.call(whoami, { action: 'boom' })).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(cloud.errors).toHaveLength(1)
    expect(cloud.errors[0].message).toBe('whoami.boom failed')
  })
})
