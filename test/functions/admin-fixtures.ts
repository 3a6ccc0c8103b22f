/**
 * Helpers for the admin function tests: a test cloud with an owner, sign-in per role, calls as
 * the console makes them (with a file store in a temp folder), and small document builders.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import admin from '../../cloudfunctions/admin/function'
import { addOperator, ensureOperator } from '../../cloudfunctions/admin/operators'
import type { Role } from '../../cloudfunctions/admin/api'
import type { Membership, Order, Product } from '../../cloudfunctions/core/model'
import { handle } from '../../cloudfunctions/platform/function'
import { LocalFileStore } from '../../cloudfunctions/platform/local/files'
import { createTestCloud, TEST_START_MS, type TestCloud } from '../helpers/cloud'

export const PASSWORD = 'right-horse-battery'

export interface AdminCloud {
  cloud: TestCloud
  /** Where uploaded files land. */
  filesDir: string
  call(event: object): Promise<any>
  /** Signs in an operator of `role` (created on first use) and answers the token. */
  tokenFor(role?: Role): Promise<string>
  close(): void
}

export async function createAdminCloud(): Promise<AdminCloud> {
  const cloud = createTestCloud()
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyou-files-'))
  const files = new LocalFileStore(filesDir)
  await ensureOperator(cloud.db, 'admin', PASSWORD, cloud.clock.now())
  const call = (event: object) => handle(admin, event, { ...cloud.deps({ source: 'local_console' }), files }) as Promise<any>
  const tokens = new Map<Role, string>()
  return {
    cloud,
    filesDir,
    call,
    async tokenFor(role = 'operator') {
      const known = tokens.get(role)
      if (known) return known
      const username = role === 'owner' ? 'admin' : role
      if (role !== 'owner') await addOperator(cloud.db, username, PASSWORD, role, cloud.clock.now())
      const result = await call({ action: 'login', username, password: PASSWORD })
      if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result)}`)
      tokens.set(role, result.data.token)
      return result.data.token
    },
    close() {
      cloud.close()
      fs.rmSync(filesDir, { recursive: true, force: true })
    },
  }
}

/** What the console sends to create a product. */
export function productInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '明前龙井 250g',
    subtitle: '群友专享',
    images: ['/files/seed/longjing.svg'],
    priceFen: 12_900,
    stock: 50,
    status: 'listed',
    sort: 10,
    detail: '今年明前头采。',
    ...overrides,
  }
}

export function makeProduct(overrides: Partial<Product> = {}): Product {
  return {
    _id: 'p-longjing',
    title: '明前龙井 250g',
    subtitle: '',
    images: ['/files/seed/longjing.svg'],
    priceFen: 12_900,
    stock: 50,
    sold: 0,
    status: 'listed',
    sort: 0,
    detail: '',
    createdAt: TEST_START_MS,
    updatedAt: TEST_START_MS,
    ...overrides,
  }
}

/** The same registered core group the membership tests use. */
export { makeGroup } from './membership-builders'

export function makeMembership(opengid: string, openid: string, since = TEST_START_MS): Membership {
  return { _id: `${opengid}:${openid}`, opengid, openid, since, lastSeenAt: since }
}

export function makeOrder(overrides: Partial<Order> = {}): Order {
  const createdAt = overrides.createdAt ?? TEST_START_MS
  return {
    _id: `o-${Math.random().toString(36).slice(2, 10)}`,
    openid: 'o-member-0001',
    requestId: 'request-0001',
    productId: 'p-longjing',
    title: '明前龙井 250g',
    image: '/files/seed/longjing.svg',
    qty: 1,
    listPriceFen: 12_900,
    unitPriceFen: 12_900,
    totalFen: 12_900,
    priceSource: 'list',
    status: 'paid',
    createdAt,
    expireAt: createdAt + 15 * 60_000,
    updatedAt: createdAt,
    ...overrides,
  }
}
