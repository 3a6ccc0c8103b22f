/**
 * The wechat adapter cannot reach a real cloud here, so these tests check its translation onto
 * wx-server-sdk calls against a recording fake of the SDK.
 */
import { z } from 'zod'
import { ok } from '../../cloudfunctions/core/errors'
import { action, defineFunction } from '../../cloudfunctions/platform/function'

interface Call {
  coll?: string
  op: string
  arg?: unknown
}

process.env.WX_SUB_MCH_ID = '1900000109'

const calls: Call[] = []
const responses: Record<string, unknown> = {}
const command = (op: string) => (value?: unknown) => ({ op, value, and: (...more: unknown[]) => ({ op: 'and', value: [{ op, value }, ...more] }) })
const _ = {
  eq: command('eq'),
  neq: command('neq'),
  gt: command('gt'),
  gte: command('gte'),
  lt: command('lt'),
  lte: command('lte'),
  in: command('in'),
  set: command('set'),
  inc: command('inc'),
}

function query(coll: string): Record<string, unknown> {
  const q: Record<string, unknown> = {}
  const chain = (op: string) => (...args: unknown[]) => {
    calls.push({ coll, op, arg: args.length > 1 ? args : args[0] })
    return q
  }
  const end = (op: string) => async (arg?: unknown) => {
    calls.push({ coll, op, arg })
    const response = responses[op]
    if (response instanceof Error) throw response
    return response
  }
  Object.assign(q, {
    where: chain('where'),
    orderBy: chain('orderBy'),
    limit: chain('limit'),
    skip: chain('skip'),
    get: end('get'),
    count: end('count'),
    update: end('update'),
    remove: end('remove'),
    add: end('add'),
    doc: (id: string) => {
      calls.push({ coll, op: 'doc', arg: id })
      return { get: end('doc.get'), set: end('doc.set'), update: end('doc.update'), remove: end('doc.remove') }
    },
  })
  return q
}

const fakeDb = {
  command: _,
  collection: (name: string) => query(name),
  runTransaction: async (body: (tx: unknown) => Promise<unknown>, retries: number) => {
    calls.push({ op: 'runTransaction', arg: retries })
    return body({ collection: (name: string) => query(name) })
  },
}

const wxContext = { OPENID: 'o-user', APPID: 'wx-app', CLIENTIP: '1.2.3.4', SOURCE: 'wx_client', ENV: 'env-1' }
const cloudPay = {
  unifiedOrder: jest.fn(async () => ({
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    payment: { appId: 'wx-app', timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'MD5', paySign: 'S' },
  })),
  queryOrder: jest.fn(async () => ({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'ORDERNOTEXIST' })),
  refund: jest.fn(async () => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS' })),
}
const init = jest.fn()

jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('current'),
  init: (...args: unknown[]) => init(...args),
  getWXContext: () => wxContext,
  logger: () => ({ info: jest.fn(), error: jest.fn(), log: jest.fn(), warn: jest.fn() }),
  database: () => fakeDb,
  get cloudPay() {
    return cloudPay
  },
}))

// Imported after the mock is declared (jest hoists jest.mock above imports anyway).
import { createWechatDb } from '../../cloudfunctions/platform/wechat/db'
import { wechatMain } from '../../cloudfunctions/platform/wechat/main'
import type { DB } from 'wx-server-sdk'

const db = createWechatDb(fakeDb as unknown as DB.Database)

beforeEach(() => {
  calls.length = 0
  for (const key of Object.keys(responses)) delete responses[key]
})

describe('wechat database adapter', () => {
  it('reads a document by id, and null when it is missing', async () => {
    responses['doc.get'] = { data: { _id: 'p1', title: 't' } }
    expect(await db.get('products', 'p1')).toEqual({ _id: 'p1', title: 't' })
    responses['doc.get'] = { data: null }
    expect(await db.get('products', 'p2')).toBeNull()
    responses['doc.get'] = new Error('document.get:fail document with _id p3 does not exist')
    expect(await db.get('products', 'p3')).toBeNull()
  })

  it('translates conditions onto db.command and pages with orderBy/skip/limit', async () => {
    responses.get = { data: [] }
    await db.query('orders', { openid: 'u', status: { in: ['paid'] }, createdAt: { gte: 1, lte: 9 }, sourceId: { ne: 'x' } }, {
      orderBy: [['createdAt', 'desc']],
      skip: 20,
      limit: 10,
    })
    expect(calls.map((c) => [c.op, c.arg])).toEqual([
      [
        'where',
        {
          openid: 'u',
          status: expect.objectContaining({ op: 'in', value: ['paid'] }),
          createdAt: expect.objectContaining({ op: 'and', value: [{ op: 'gte', value: 1 }, expect.objectContaining({ op: 'lte', value: 9 })] }),
          sourceId: expect.objectContaining({ op: 'neq', value: 'x' }),
        },
      ],
      ['orderBy', ['createdAt', 'desc']],
      ['skip', 20],
      ['limit', 10],
      ['get', undefined],
    ])
  })

  it('answers the number updated for a conditional update with inc and set', async () => {
    responses.update = { stats: { updated: 1 } }
    const n = await db.update('products', { _id: 'p1', stock: { gte: 2 } }, { inc: { stock: -2 }, set: { title: 'x', images: ['a'] } })
    expect(n).toBe(1)
    const update = calls.find((c) => c.op === 'update')!
    expect(update.arg).toEqual({
      data: { title: 'x', images: ['a'], stock: expect.objectContaining({ op: 'inc', value: -2 }) },
    })
  })

  it('replaces object fields with _.set instead of merging them', async () => {
    responses.update = { stats: { updated: 1 } }
    await db.update('settings', { _id: 's' }, { set: { value: { a: 1 } } })
    expect((calls.find((c) => c.op === 'update')!.arg as { data: { value: unknown } }).data.value).toEqual(
      expect.objectContaining({ op: 'set', value: { a: 1 } }),
    )
  })

  it('answers false when add hits a duplicate _id and rethrows other errors', async () => {
    responses.add = { _id: 'o1' }
    expect(await db.add('settings', { _id: 'o1', value: 1, updatedAt: 0 })).toBe(true)
    responses.add = new Error('collection.add:fail -502001 database request fail. [FailedOperation] E11000 duplicate key error')
    expect(await db.add('settings', { _id: 'o1', value: 1, updatedAt: 0 })).toBe(false)
    responses.add = new Error('collection.add:fail -501001 resource system error')
    await expect(db.add('settings', { _id: 'o1', value: 1, updatedAt: 0 })).rejects.toThrow('resource system error')
  })

  it('sets a document without writing _id into its data', async () => {
    responses['doc.set'] = { _id: 's', stats: { updated: 1, created: 0 } }
    await db.set('settings', 's', { _id: 's', value: 1, updatedAt: 2 })
    expect(calls.find((c) => c.op === 'doc.set')!.arg).toEqual({ data: { value: 1, updatedAt: 2 } })
  })

  it('runs transactions through runTransaction with document operations', async () => {
    responses['doc.get'] = { data: null }
    responses['doc.set'] = { _id: 'o1', stats: { updated: 0, created: 1 } }
    responses['doc.update'] = { stats: { updated: 1 } }
    const result = await db.transaction(async (tx) => {
      expect(await tx.add('settings', { _id: 'o1', value: 1, updatedAt: 0 })).toBe(true)
      expect(await tx.update('products', 'p1', { inc: { stock: -1 } })).toBe(1)
      return 'done'
    })
    expect(result).toBe('done')
    expect(calls[0]).toEqual({ op: 'runTransaction', arg: 5 })
  })
})

describe('wechatMain', () => {
  const echo = defineFunction('echo', {
    show: action(z.object({ n: z.number() }).strict(), async (input, deps) => ok({ n: input.n, ctx: deps.ctx })),
  })

  it('takes identity from the WeChat context and ignores the userInfo the client SDK adds', async () => {
    const main = wechatMain(echo)
    const answer = await main({ action: 'show', n: 1, userInfo: { openId: 'forged', appId: 'x' } }, {})
    expect(answer).toEqual({
      ok: true,
      data: { n: 1, ctx: { openid: 'o-user', appid: 'wx-app', clientIp: '1.2.3.4', source: 'wx_client' } },
    })
    await main({ action: 'show', n: 2 }, {})
    expect(init).toHaveBeenCalledTimes(1)
  })

  it('answers INVALID_INPUT for events the function does not accept', async () => {
    const answer = await wechatMain(echo)({ action: 'show', n: 'x' }, {})
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('asks cloudPay for payment with the payNotify callback in the current environment', async () => {
    const pay = defineFunction('pay', {
      go: action(z.object({}).strict(), async (_input, deps) =>
        ok(await deps.pay.unifiedOrder({ outTradeNo: 'o1', totalFen: 100, body: '茶杯', openid: 'o-user', clientIp: '1.2.3.4' })),
      ),
      query: action(z.object({}).strict(), async (_input, deps) => ok(await deps.pay.queryOrder('o1'))),
    })
    const answer = await wechatMain(pay)({ action: 'go' }, {})
    expect(answer).toEqual({ ok: true, data: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'MD5', paySign: 'S' } })
    expect(cloudPay.unifiedOrder).toHaveBeenCalledWith(
      expect.objectContaining({ functionName: 'payNotify', envId: 'env-1', subMchId: '1900000109', totalFee: 100, outTradeNo: 'o1' }),
    )
    expect(await wechatMain(pay)({ action: 'query' }, {})).toEqual({ ok: true, data: null })
  })
})
