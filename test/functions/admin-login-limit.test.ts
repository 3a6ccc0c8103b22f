/**
 * The console's sign-in rate limit against the real local database: after 5 wrong passwords
 * for a username within a 15-minute window, sign-in answers RATE_LIMITED (without checking the
 * password) until the window closes; the counter is one document per username and window,
 * moved only by conditional writes, so concurrent guesses cannot get past the limit.
 */
import admin from '../../cloudfunctions/admin/function'
import { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS, loginAttemptsId } from '../../cloudfunctions/admin/loginLimit'
import { addOperator, ensureOperator } from '../../cloudfunctions/admin/operators'
import cron from '../../cloudfunctions/cron/function'
import { createTestCloud, TEST_START_MS, type TestCloud } from '../helpers/cloud'
import { TIMER } from './builders'

const PASSWORD = 'right-horse-battery'
const MINUTE = 60_000

let cloud: TestCloud

beforeEach(async () => {
  cloud = createTestCloud()
  await ensureOperator(cloud.db, 'admin', PASSWORD, cloud.clock.now())
})
afterEach(() => cloud.close())

const login = (password: string, username = 'admin') => cloud.call(admin, { action: 'login', username, password }, { source: 'local_console' })
const codesOf = (results: Array<{ ok: boolean; code?: string }>) => results.map((r) => (r.ok ? 'OK' : r.code))
async function failTimes(n: number, username = 'admin') {
  for (let i = 0; i < n; i++) expect(await login('wrong-password', username)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
}

describe('sign-in rate limit', () => {
  it('answers RATE_LIMITED after 5 wrong passwords within 15 minutes, even to the right password', async () => {
    expect(LOGIN_MAX_FAILURES).toBe(5)
    await failTimes(5)
    cloud.clock.advance(14 * MINUTE)
    const limited = await login(PASSWORD)
    expect(limited).toEqual({ ok: false, code: 'RATE_LIMITED', message: '密码错误次数过多，请 1 分钟后再试' })
    expect(await login('wrong-password')).toMatchObject({ code: 'RATE_LIMITED' })
  })

  it('lets the operator in again once the window has closed', async () => {
    await failTimes(5)
    expect(await login(PASSWORD)).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: expect.stringContaining('15 分钟') })
    cloud.clock.advance(LOGIN_WINDOW_MS)
    expect(await login(PASSWORD)).toMatchObject({ ok: true })
  })

  it('does not count sign-ins with the right password', async () => {
    await failTimes(4)
    for (let i = 0; i < 10; i++) expect(await login(PASSWORD)).toMatchObject({ ok: true })
    await failTimes(1)
    expect(await login(PASSWORD)).toMatchObject({ code: 'RATE_LIMITED' })
  })

  it('counts each username on its own, unknown ones included', async () => {
    await addOperator(cloud.db, 'helper', 'helper-pass-1', 'viewer', cloud.clock.now())
    await failTimes(5)
    await failTimes(5, 'nobody')
    expect(await login('wrong-password', 'nobody')).toMatchObject({ code: 'RATE_LIMITED' })
    expect(await login('helper-pass-1', 'helper')).toMatchObject({ ok: true })
  })

  it('checks only 5 passwords when 40 guesses arrive at once, and a right one among them gets no further', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => login('wrong-password')))
    const codes = codesOf(results)
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5)
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(35)
    expect(await cloud.db.get('loginAttempts', loginAttemptsId('admin', TEST_START_MS))).toMatchObject({ username: 'admin', failures: 5 })
    expect(await login(PASSWORD)).toMatchObject({ code: 'RATE_LIMITED' })
  })

  it('keeps one counter per username and window, and cron removes closed windows', async () => {
    await failTimes(2)
    cloud.clock.advance(LOGIN_WINDOW_MS)
    await failTimes(1)
    expect(await cloud.db.count('loginAttempts', {})).toBe(2)
    await cloud.call(cron, {}, TIMER)
    expect(await cloud.db.query('loginAttempts', {}, {})).toEqual([
      { _id: loginAttemptsId('admin', TEST_START_MS + LOGIN_WINDOW_MS), username: 'admin', windowStart: TEST_START_MS + LOGIN_WINDOW_MS, failures: 1, updatedAt: cloud.clock.now() },
    ])
  })
})
