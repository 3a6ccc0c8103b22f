import admin from '../../cloudfunctions/admin/function'
import { addOperator, ensureOperator } from '../../cloudfunctions/admin/operators'
import { TOKEN_TTL_MS } from '../../cloudfunctions/admin/token'
import type { CollectionName, Order, Product } from '../../cloudfunctions/core/model'
import { createTestCloud, type TestCloud } from '../helpers/cloud'

const PASSWORD = 'right-horse-battery'
const HOUR_MS = 60 * 60 * 1000
const at = (iso: string) => Date.parse(iso)

function makeProduct(overrides: Partial<Product> = {}): Product {
  const id = overrides._id ?? 'p1'
  return {
    _id: id,
    title: `商品 ${id}`,
    subtitle: '副标题',
    images: [`/files/${id}.jpg`],
    priceFen: 12_990,
    stock: 10,
    sold: 0,
    status: 'listed',
    sort: 0,
    detail: '',
    createdAt: at('2026-11-01T10:00:00+08:00'),
    updatedAt: at('2026-11-01T10:00:00+08:00'),
    ...overrides,
  }
}

function makeOrder(overrides: Partial<Order> = {}): Order {
  const createdAt = overrides.createdAt ?? at('2026-11-18T09:00:00+08:00')
  return {
    _id: 'o1',
    openid: 'member-1',
    requestId: 'request-0001',
    productId: 'p1',
    title: '商品 p1',
    image: '/files/p1.jpg',
    qty: 1,
    listPriceFen: 12_990,
    unitPriceFen: 12_990,
    totalFen: 12_990,
    priceSource: 'list',
    status: 'pending',
    createdAt,
    expireAt: createdAt + 15 * 60_000,
    updatedAt: createdAt,
    ...overrides,
  }
}

let cloud: TestCloud

beforeEach(async () => {
  cloud = createTestCloud()
  await ensureOperator(cloud.db, 'admin', PASSWORD, cloud.clock.now())
})

afterEach(() => cloud.close())

function call(event: object, on: TestCloud = cloud) {
  return on.call(admin, event, { source: 'local_console' })
}

async function signIn(username = 'admin', password = PASSWORD, on: TestCloud = cloud): Promise<string> {
  const result = await call({ action: 'login', username, password }, on)
  expect(result.ok).toBe(true)
  return result.data.token
}

async function countAll(): Promise<Record<CollectionName, number>> {
  const names: CollectionName[] = ['products', 'members', 'orders', 'operators', 'audit', 'settings']
  const counts = await Promise.all(names.map((name) => cloud.db.count(name, {})))
  return Object.fromEntries(names.map((name, i) => [name, counts[i]])) as Record<CollectionName, number>
}

describe('admin.login', () => {
  it('answers a 12-hour token and the operator for the right password', async () => {
    const result = await call({ action: 'login', username: 'admin', password: PASSWORD })
    expect(result).toEqual({
      ok: true,
      data: {
        token: expect.any(String),
        expiresAt: cloud.clock.now() + 12 * HOUR_MS,
        operator: { username: 'admin', role: 'owner' },
      },
    })
  })

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrongPassword = await call({ action: 'login', username: 'admin', password: 'wrong-password' })
    const unknownUser = await call({ action: 'login', username: 'nobody', password: PASSWORD })
    expect(wrongPassword).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: expect.any(String) })
    expect(unknownUser).toEqual(wrongPassword)
  })

  it('stores the password as a salted scrypt hash, never in plain text', async () => {
    await addOperator(cloud.db, 'second', PASSWORD, 'viewer', cloud.clock.now())
    const first = await cloud.db.get('operators', 'admin')
    const second = await cloud.db.get('operators', 'second')
    expect(first!.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(first!.passwordHash).not.toContain(PASSWORD)
    // Same password, different salt.
    expect(second!.passwordHash).not.toEqual(first!.passwordHash)
  })

  it('keeps the first operator when ensureOperator runs again', async () => {
    expect(await ensureOperator(cloud.db, 'admin', 'another-password', cloud.clock.now())).toBe(false)
    expect((await call({ action: 'login', username: 'admin', password: PASSWORD })).ok).toBe(true)
  })

  it('creates the first operator from the configured admin password when there is none', async () => {
    const fresh = createTestCloud({ config: { adminPassword: 'from-the-env-1' } })
    try {
      const result = await call({ action: 'login', username: 'admin', password: 'from-the-env-1' }, fresh)
      expect(result.ok).toBe(true)
      expect(result.data.operator).toEqual({ username: 'admin', role: 'owner' })
      expect(await fresh.db.count('operators', {})).toBe(1)
    } finally {
      fresh.close()
    }
  })

  it('ignores the configured admin password once an operator exists', async () => {
    const configured = createTestCloud({ config: { adminPassword: 'from-the-env-1' } })
    try {
      await ensureOperator(configured.db, 'admin', PASSWORD, configured.clock.now())
      const result = await call({ action: 'login', username: 'admin', password: 'from-the-env-1' }, configured)
      expect(result.code).toBe('UNAUTHENTICATED')
    } finally {
      configured.close()
    }
  })

  it('creates the first operator once when many sign-ins race on a fresh deployment', async () => {
    const fresh = createTestCloud({ config: { adminPassword: 'from-the-env-1' } })
    try {
      // Five racers: as many attempts as the sign-in rate limit checks at once for one username.
      const results = await Promise.all(
        Array.from({ length: 5 }, () => call({ action: 'login', username: 'admin', password: 'from-the-env-1' }, fresh)),
      )
      expect(results.every((r) => r.ok)).toBe(true)
      expect(await fresh.db.count('operators', {})).toBe(1)
      expect(await fresh.db.count('settings', { _id: 'adminSecret' })).toBe(1)
    } finally {
      fresh.close()
    }
  })
})

describe('admin tokens', () => {
  it('answers who is signed in to a valid token', async () => {
    const token = await signIn()
    expect(await call({ action: 'me', token })).toEqual({ ok: true, data: { username: 'admin', role: 'owner' } })
  })

  it('refuses every action but login without a token', async () => {
    for (const event of [{ action: 'me' }, { action: 'list', kind: 'products' }]) {
      expect(await call(event)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    }
  })

  it('checks the token before the input, so callers without one learn nothing about the API', async () => {
    expect(await call({ action: 'list', kind: 'nonsense', extra: 1 })).toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(await call({ action: 'list', token: 42, kind: 'products' })).toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('refuses a token whose signature or claims were changed', async () => {
    const token = await signIn()
    const [version, claims, signature] = token.split('.')
    const flipped = signature[0] === 'A' ? `B${signature.slice(1)}` : `A${signature.slice(1)}`
    const forgedClaims = Buffer.from(
      JSON.stringify({ username: 'admin', role: 'owner', expiresAt: cloud.clock.now() + 1000 * HOUR_MS }),
    ).toString('base64url')
    for (const tampered of [
      `${version}.${claims}.${flipped}`,
      `${version}.${forgedClaims}.${signature}`,
      `v2.${claims}.${signature}`,
      `${version}.${claims}`,
      'not-a-token',
    ]) {
      expect(await call({ action: 'me', token: tampered })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    }
  })

  it('accepts a token until 12 hours have passed and refuses it after', async () => {
    const token = await signIn()
    cloud.clock.advance(TOKEN_TTL_MS - 60_000)
    expect((await call({ action: 'me', token })).ok).toBe(true)
    cloud.clock.advance(60_000)
    expect(await call({ action: 'me', token })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it('refuses a token signed by another deployment', async () => {
    const other = createTestCloud()
    try {
      await ensureOperator(other.db, 'admin', PASSWORD, other.clock.now())
      const foreign = await signIn('admin', PASSWORD, other)
      expect(await call({ action: 'me', token: foreign })).toMatchObject({ code: 'UNAUTHENTICATED' })
    } finally {
      other.close()
    }
  })

  it('refuses the token of an operator who has been removed', async () => {
    await addOperator(cloud.db, 'temp', PASSWORD, 'operator', cloud.clock.now())
    const token = await signIn('temp')
    await cloud.db.remove('operators', { _id: 'temp' })
    expect(await call({ action: 'me', token })).toMatchObject({ code: 'UNAUTHENTICATED' })
  })
})

describe('admin roles', () => {
  it('lets a viewer read but not add operators', async () => {
    await addOperator(cloud.db, 'watcher', PASSWORD, 'viewer', cloud.clock.now())
    const token = await signIn('watcher')
    expect((await call({ action: 'list', token, kind: 'products' })).ok).toBe(true)
    const before = await countAll()
    const refused = await call({ action: 'addOperator', token, username: 'sneaky', password: PASSWORD, role: 'owner' })
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await countAll()).toEqual(before)
  })

  it('follows a demotion at once, without waiting for the token to expire', async () => {
    await addOperator(cloud.db, 'lead', PASSWORD, 'owner', cloud.clock.now())
    const token = await signIn('lead')
    await cloud.db.update('operators', { _id: 'lead' }, { set: { role: 'viewer' } })
    const refused = await call({ action: 'addOperator', token, username: 'helper', password: PASSWORD, role: 'viewer' })
    expect(refused).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('lets an owner add an operator, who can then sign in, and logs it without the password', async () => {
    const token = await signIn()
    const added = await call({ action: 'addOperator', token, username: 'helper', password: 'helper-pass-1', role: 'operator' })
    expect(added).toEqual({ ok: true, data: { username: 'helper', role: 'operator' } })
    expect((await call({ action: 'login', username: 'helper', password: 'helper-pass-1' })).ok).toBe(true)

    const [entry] = await cloud.db.query('audit', {})
    expect(entry).toMatchObject({
      operator: 'admin',
      action: 'create',
      kind: 'operators',
      targetId: 'helper',
      before: null,
      after: { username: 'helper', role: 'operator' },
      at: cloud.clock.now(),
    })
    expect(JSON.stringify(entry)).not.toContain('helper-pass-1')
  })

  it('refuses to add an operator whose username is taken', async () => {
    const token = await signIn()
    const result = await call({ action: 'addOperator', token, username: 'admin', password: 'another-pass', role: 'viewer' })
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect((await cloud.db.get('operators', 'admin'))!.role).toBe('owner')
  })
})

describe('admin.list', () => {
  it('lists products in shelf order with the total, filtered by status and paged', async () => {
    await cloud.db.add('products', makeProduct({ _id: 'b', sort: 2 }))
    await cloud.db.add('products', makeProduct({ _id: 'a', sort: 1 }))
    await cloud.db.add('products', makeProduct({ _id: 'c', sort: 3, status: 'unlisted' }))
    const token = await signIn()

    const all = await call({ action: 'list', token, kind: 'products' })
    expect(all.data.total).toBe(3)
    expect(all.data.items.map((p: Product) => p._id)).toEqual(['a', 'b', 'c'])
    expect(all.data.items[0]).toEqual(makeProduct({ _id: 'a', sort: 1 }))

    const unlisted = await call({ action: 'list', token, kind: 'products', status: 'unlisted' })
    expect(unlisted.data).toEqual({ items: [makeProduct({ _id: 'c', sort: 3, status: 'unlisted' })], total: 1 })

    const second = await call({ action: 'list', token, kind: 'products', skip: 1, limit: 1 })
    expect(second.data.items.map((p: Product) => p._id)).toEqual(['b'])
    expect(second.data.total).toBe(3)
  })

  it('lists orders newest first, filtered by status and by China calendar day', async () => {
    await cloud.db.add('orders', makeOrder({ _id: 'late-17th', createdAt: at('2026-11-17T23:59:59.999+08:00') }))
    await cloud.db.add('orders', makeOrder({ _id: 'early-18th', createdAt: at('2026-11-18T00:00:00+08:00'), status: 'paid' }))
    await cloud.db.add('orders', makeOrder({ _id: 'noon-18th', createdAt: at('2026-11-18T12:00:00+08:00') }))
    await cloud.db.add('orders', makeOrder({ _id: 'first-19th', createdAt: at('2026-11-19T00:00:00+08:00') }))
    const token = await signIn()
    const ids = (result: { data: { items: Order[] } }) => result.data.items.map((o) => o._id)

    const all = await call({ action: 'list', token, kind: 'orders' })
    expect(ids(all)).toEqual(['first-19th', 'noon-18th', 'early-18th', 'late-17th'])
    expect(all.data.total).toBe(4)

    const day = await call({ action: 'list', token, kind: 'orders', day: '2026-11-18' })
    expect(ids(day)).toEqual(['noon-18th', 'early-18th'])
    expect(day.data.total).toBe(2)

    const pendingThatDay = await call({ action: 'list', token, kind: 'orders', day: '2026-11-18', status: 'pending' })
    expect(pendingThatDay.data).toEqual({ items: [expect.objectContaining({ _id: 'noon-18th' })], total: 1 })

    const paid = await call({ action: 'list', token, kind: 'orders', status: 'paid' })
    expect(ids(paid)).toEqual(['early-18th'])
  })

  it('answers an empty page, not an error, when nothing matches', async () => {
    const token = await signIn()
    expect(await call({ action: 'list', token, kind: 'orders', status: 'refunded' })).toEqual({
      ok: true,
      data: { items: [], total: 0 },
    })
  })
})

describe('admin bad input', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['login without a password', { action: 'login', username: 'admin' }],
    ['login with an empty username', { action: 'login', username: '  ', password: PASSWORD }],
    ['login with a numeric password', { action: 'login', username: 'admin', password: 123456 }],
    ['login with a huge password', { action: 'login', username: 'admin', password: 'x'.repeat(10_000) }],
    ['login with an extra field', { action: 'login', username: 'admin', password: PASSWORD, role: 'owner' }],
    ['an unknown action', { action: 'dropDatabase' }],
    ['me with an extra field', { action: 'me', extra: true }],
    ['list without a kind', { action: 'list' }],
    ['list of an unknown kind', { action: 'list', kind: 'members' }],
    ['list with a kind of the wrong type', { action: 'list', kind: 1 }],
    ['products with an order status', { action: 'list', kind: 'products', status: 'paid' }],
    ['products filtered by day', { action: 'list', kind: 'products', day: '2026-11-18' }],
    ['orders with an unknown status', { action: 'list', kind: 'orders', status: 'shipped' }],
    ['orders on an impossible day', { action: 'list', kind: 'orders', day: '2026-02-30' }],
    ['orders on a day in another format', { action: 'list', kind: 'orders', day: '2026/11/18' }],
    ['orders on a day given as a number', { action: 'list', kind: 'orders', day: 20261118 }],
    ['a negative skip', { action: 'list', kind: 'orders', skip: -1 }],
    ['a huge skip', { action: 'list', kind: 'orders', skip: 1e12 }],
    ['a fractional limit', { action: 'list', kind: 'orders', limit: 1.5 }],
    ['a zero limit', { action: 'list', kind: 'orders', limit: 0 }],
    ['a limit over 100', { action: 'list', kind: 'orders', limit: 101 }],
    ['list with an extra field', { action: 'list', kind: 'orders', openid: 'member-1' }],
    ['an operator without a role', { action: 'addOperator', username: 'new-one', password: PASSWORD }],
    ['an operator with an unknown role', { action: 'addOperator', username: 'new-one', password: PASSWORD, role: 'god' }],
    ['an operator with a short password', { action: 'addOperator', username: 'new-one', password: 'short', role: 'viewer' }],
    ['an operator with a bad username', { action: 'addOperator', username: 'a b', password: PASSWORD, role: 'viewer' }],
    ['an operator with an extra field', { action: 'addOperator', username: 'new-one', password: PASSWORD, role: 'viewer', sudo: 1 }],
  ]

  it.each(cases)('answers INVALID_INPUT naming the problem and writes nothing: %s', async (_name, event) => {
    const token = await signIn()
    const before = await countAll()
    const needsToken = event.action !== 'login' && event.action !== 'dropDatabase'
    const result = await call(needsToken ? { ...event, token } : event)
    expect(result).toEqual({ ok: false, code: 'INVALID_INPUT', message: expect.any(String) })
    expect(result.message).not.toBe('')
    expect(await countAll()).toEqual(before)
  })
})
