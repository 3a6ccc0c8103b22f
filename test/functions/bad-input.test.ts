/**
 * Every action of the shop, member, order, payNotify and cron functions, given generated bad
 * input, answers INVALID_INPUT naming the field, and writes nothing.
 */
import cron from '../../cloudfunctions/cron/function'
import flash from '../../cloudfunctions/flash/function'
import member from '../../cloudfunctions/member/function'
import order from '../../cloudfunctions/order/function'
import payNotify from '../../cloudfunctions/payNotify/function'
import shop from '../../cloudfunctions/shop/function'
import type { CloudFunction } from '../../cloudfunctions/platform/function'
import { devCloudId } from '../../cloudfunctions/platform/local/openData'
import { createTestCloud, type CallAs, type TestCloud } from '../helpers/cloud'
import { dumpAll, member as memberId, newRequestId, seedProduct, TIMER } from './builders'
import { seedSale } from './flashBuilders'
import { seedGroup } from './membership-builders'

const HUGE = [1e308, Infinity, -Infinity, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, NaN]
const NOT_NUMBERS = ['1', '0', 'NaN', 'Infinity', '-1', '1e3', '', ' 5', true, false, null, [], [1], {}, { $gt: 0 }]
const NOT_STRINGS = [0, 42, -1, NaN, Infinity, true, false, null, [], ['abc'], {}, { $ne: '' }]
const NASTY_IDS = ['', ' ', 'a b', '../etc', 'id;drop', '<script>', '中文编号', 'x'.repeat(65), 'a\n', 'a.b', '$where']

type Kind = 'requestId' | 'docId' | 'qty' | 'skip' | 'status' | 'nickname' | 'code' | 'fee' | 'text32' | 'text64' | 'cloudId'

/** Values that are wrong for a field of each kind. */
const BAD: Record<Kind, unknown[]> = {
  requestId: [...NOT_STRINGS, ...NASTY_IDS, 'short', 'a'.repeat(7)],
  docId: [...NOT_STRINGS, ...NASTY_IDS],
  qty: [...NOT_NUMBERS, ...HUGE, 0, -1, -0.5, 1.5, 100, 1000],
  skip: [...NOT_NUMBERS, ...HUGE, -1, 0.5, 10_001],
  status: [...NOT_STRINGS, 'PAID', 'unknown', '', 'paid ', 'constructor'],
  nickname: [...NOT_STRINGS, '', '   ', 'x'.repeat(21)],
  code: [...NOT_STRINGS, 'x'.repeat(33)],
  fee: [...NOT_NUMBERS, ...HUGE, -1, 0.5, 12.9],
  text32: [...NOT_STRINGS, 'x'.repeat(33)],
  text64: [...NOT_STRINGS, 'x'.repeat(65)],
  // Malformed CloudIDs, objects that are not WeChat's replaced field, and ids the open data
  // simulator refuses (unknown, expired): all INVALID_INPUT before anything is written.
  cloudId: [
    ...NOT_STRINGS,
    ...NASTY_IDS.filter((id) => id !== 'x'.repeat(65)),
    'x'.repeat(257),
    { cloudID: 42 },
    { cloudID: '' },
    { data: { openGId: 'G-core' } },
    { cloudID: 'c', errCode: 'x' },
    'unknown-cloud-id',
    'dev:',
    'dev-expired:G-core',
  ],
}

interface Field {
  kind: Kind
  optional?: boolean
}

interface Case {
  fn: CloudFunction
  /** Undefined for functions whose events carry no action (payNotify, cron). */
  action?: string
  as: CallAs
  /** A valid input against existing data, so a wrongly accepted mutation would write. */
  valid: (ids: Ids) => Record<string, unknown>
  fields: Record<string, Field>
  /** payNotify and cron take WeChat's events, which carry more fields than they read. */
  extraFieldsAllowed?: boolean
}

interface Ids {
  productId: string
  orderId: string
  paidOrderId: string
  saleId: string
}

const BUYER = { openid: memberId(1) }
const GROUP_ID = 'G-bad-input'
const PAY_CALLBACK = { openid: '', source: 'wx_paycallback' }

const CASES: Case[] = [
  { fn: shop, action: 'home', as: BUYER, valid: () => ({}), fields: {} },
  { fn: shop, action: 'products', as: BUYER, valid: () => ({ skip: 0 }), fields: { skip: { kind: 'skip', optional: true } } },
  { fn: shop, action: 'product', as: BUYER, valid: (ids) => ({ productId: ids.productId }), fields: { productId: { kind: 'docId' } } },
  { fn: member, action: 'login', as: BUYER, valid: () => ({ nickname: '阿青' }), fields: { nickname: { kind: 'nickname', optional: true } } },
  { fn: member, action: 'profile', as: BUYER, valid: () => ({}), fields: {} },
  { fn: member, action: 'bindGroup', as: BUYER, valid: () => ({ group: devCloudId(GROUP_ID) }), fields: { group: { kind: 'cloudId' } } },
  {
    fn: order,
    action: 'create',
    as: BUYER,
    valid: (ids) => ({ requestId: newRequestId(), productId: ids.productId, qty: 1 }),
    fields: { requestId: { kind: 'requestId' }, productId: { kind: 'docId' }, qty: { kind: 'qty' }, saleId: { kind: 'docId', optional: true } },
  },
  { fn: order, action: 'pay', as: BUYER, valid: (ids) => ({ orderId: ids.orderId }), fields: { orderId: { kind: 'docId' } } },
  { fn: order, action: 'cancel', as: BUYER, valid: (ids) => ({ orderId: ids.orderId }), fields: { orderId: { kind: 'docId' } } },
  {
    fn: order,
    action: 'list',
    as: BUYER,
    valid: () => ({ status: 'pending', skip: 0 }),
    fields: { status: { kind: 'status', optional: true }, skip: { kind: 'skip', optional: true } },
  },
  { fn: order, action: 'detail', as: BUYER, valid: (ids) => ({ orderId: ids.orderId }), fields: { orderId: { kind: 'docId' } } },
  {
    fn: payNotify,
    as: PAY_CALLBACK,
    valid: (ids) => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: ids.paidOrderId, totalFee: 12_900, transactionId: 'tx-1', timeEnd: '20261118100000' }),
    fields: {
      returnCode: { kind: 'code' },
      resultCode: { kind: 'code', optional: true },
      outTradeNo: { kind: 'docId' },
      totalFee: { kind: 'fee' },
      transactionId: { kind: 'text64', optional: true },
      timeEnd: { kind: 'text32', optional: true },
    },
    extraFieldsAllowed: true,
  },
  {
    fn: cron,
    as: TIMER,
    valid: () => ({ Type: 'Timer', TriggerName: 'everyMinute', Time: '2026-11-18T02:00:00Z' }),
    fields: { Type: { kind: 'text32', optional: true }, TriggerName: { kind: 'text64', optional: true }, Time: { kind: 'text64', optional: true } },
    // Timer events carry `Message` and whatever else the cloud adds (see cron/function.ts).
    extraFieldsAllowed: true,
  },
  { fn: flash, action: 'list', as: BUYER, valid: () => ({}), fields: {} },
  { fn: flash, action: 'detail', as: BUYER, valid: (ids) => ({ saleId: ids.saleId }), fields: { saleId: { kind: 'docId' } } },
  { fn: flash, action: 'remind', as: BUYER, valid: (ids) => ({ saleId: ids.saleId }), fields: { saleId: { kind: 'docId' } } },
  { fn: flash, action: 'ping', as: BUYER, valid: () => ({}), fields: {} },
]

interface Mutation {
  label: string
  event: unknown
  /** The field the answer's message must name. */
  names: string
}

function withAction(c: Case, input: Record<string, unknown>): Record<string, unknown> {
  return c.action ? { action: c.action, ...input } : input
}

function mutations(c: Case, ids: Ids): Mutation[] {
  const out: Mutation[] = []
  const valid = c.valid(ids)
  for (const [field, spec] of Object.entries(c.fields)) {
    if (!spec.optional) {
      const { [field]: _dropped, ...rest } = valid
      out.push({ label: `without ${field}`, event: withAction(c, rest), names: field })
      out.push({ label: `${field} undefined`, event: withAction(c, { ...valid, [field]: undefined }), names: field })
    }
    for (const bad of BAD[spec.kind]) {
      out.push({ label: `${field} = ${show(bad)}`, event: withAction(c, { ...c.valid(ids), [field]: bad }), names: field })
    }
  }
  if (!c.extraFieldsAllowed) {
    for (const extra of ['extra', 'openid', 'priceFen', 'totalFen', 'saleId', '_id', 'userInfo']) {
      if (Object.hasOwn(c.fields, extra)) continue
      out.push({ label: `extra field ${extra}`, event: withAction(c, { ...c.valid(ids), [extra]: 'x' }), names: extra })
    }
    const polluted = JSON.parse(`{"__proto__": {"admin": true}}`) as Record<string, unknown>
    out.push({ label: 'a __proto__ key', event: withAction(c, { ...c.valid(ids), ...polluted }), names: '__proto__' })
  }
  for (const event of [null, undefined, 42, 'home', true, [], [withAction(c, c.valid(ids))]]) {
    out.push({ label: `event ${show(event)}`, event, names: 'action' })
  }
  if (c.action) {
    for (const action of [undefined, '', 42, null, ['create'], 'toString', 'constructor', '__proto__', c.action.toUpperCase(), `${c.action} `]) {
      out.push({ label: `action ${show(action)}`, event: { ...c.valid(ids), action }, names: 'action' })
    }
  }
  return out
}

function show(value: unknown): string {
  if (typeof value === 'number' || value === undefined) return String(value)
  const text = JSON.stringify(value)
  return text.length > 20 ? `${text.slice(0, 20)}…` : text
}

describe('bad input', () => {
  let cloud: TestCloud
  let ids: Ids

  beforeAll(async () => {
    cloud = createTestCloud()
    const product = await seedProduct(cloud, { stock: 10, priceFen: 12_900 })
    await seedGroup(cloud, { _id: GROUP_ID })
    const as = { openid: memberId(1) }
    await cloud.call(member, { action: 'login' }, as)
    await cloud.call(member, { action: 'bindGroup', group: devCloudId(GROUP_ID) }, as)
    const sale = await seedSale(cloud, { productId: product._id })
    const pending = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 1 }, as)
    const paid = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 1 }, as)
    await cloud.call(order, { action: 'pay', orderId: paid.data._id }, as)
    await cloud.pay.complete(paid.data._id)
    ids = { productId: product._id, orderId: pending.data._id, paidOrderId: paid.data._id, saleId: sale._id }
  })
  afterAll(() => cloud.close())

  it.each(CASES.map((c) => [`${c.fn.name}.${c.action ?? c.fn.defaultAction}`, c] as const))(
    '%s answers INVALID_INPUT naming the field and writes nothing',
    async (_name, c) => {
      const before = await dumpAll(cloud.db)
      const cases = mutations(c, ids)
      expect(cases.length).toBeGreaterThan(10)
      for (const m of cases) {
        const res = await cloud.call(c.fn, m.event as object, c.as)
        expect({ label: m.label, code: res.code }).toEqual({ label: m.label, code: 'INVALID_INPUT' })
        expect({ label: m.label, message: res.message }).toEqual({ label: m.label, message: expect.stringContaining(m.names) })
      }
      expect(await dumpAll(cloud.db)).toEqual(before)
    },
  )

  it('covers every action of every function', () => {
    for (const fn of [shop, member, order, payNotify, cron, flash]) {
      const covered = CASES.filter((c) => c.fn === fn).map((c) => c.action ?? fn.defaultAction)
      expect(covered.sort()).toEqual(Object.keys(fn.actions).sort())
    }
  })

  it('accepts the valid inputs the mutations start from', async () => {
    // Guards the test itself: each mutation differs from an accepted input in one way only.
    for (const c of CASES) {
      const res = await cloud.call(c.fn, withAction(c, c.valid(ids)), c.as)
      expect({ fn: c.fn.name, action: c.action, code: res.ok ? 'OK' : res.code }).toEqual({ fn: c.fn.name, action: c.action, code: 'OK' })
    }
  })
})
