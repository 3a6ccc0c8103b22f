/**
 * `login`: username and password in, a signed 12-hour token out. After 5 wrong passwords for a
 * username in a 15-minute window, it answers RATE_LIMITED until the window closes (loginLimit.ts).
 */
import { z } from 'zod'
import { fail, ok, type Result } from '../core/errors'
import { action } from '../platform/function'
import type { Db, Deps } from '../platform/ports'
import type { AdminOutput } from './api'
import { giveBackLoginSlot, takeLoginSlot } from './loginLimit'
import { ensureOperator } from './operators'
import { dummyPasswordHash, verifyPassword } from './password'
import { issueToken } from './token'

export const FIRST_OPERATOR = 'admin'

// Once an instance has seen an operator, it never needs to count again.
const bootstrapped = new WeakSet<Db>()

/** Production has no seed: the first login creates `admin` from env ADMIN_PASSWORD. */
async function bootstrapFirstOperator(deps: Deps): Promise<void> {
  const password = deps.config.adminPassword
  if (!password || bootstrapped.has(deps.db)) return
  if ((await deps.db.count('operators', {})) === 0) {
    await ensureOperator(deps.db, FIRST_OPERATOR, password, deps.now())
  }
  bootstrapped.add(deps.db)
}

const input = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict()

export const login = action(input, async ({ username, password }, deps): Promise<Result<AdminOutput<'login'>>> => {
  const now = deps.now()
  // Before any password check, so guesses past the limit cost nothing and learn nothing.
  const slot = await takeLoginSlot(deps.db, username, now)
  if (!slot.ok) {
    deps.log.info('admin login rate limited', { username })
    const minutes = Math.max(1, Math.ceil((slot.retryAt - now) / 60_000))
    return fail('RATE_LIMITED', `密码错误次数过多，请 ${minutes} 分钟后再试`)
  }
  await bootstrapFirstOperator(deps)
  const operator = await deps.db.get('operators', username)
  // An unknown user costs the same scrypt work and gets the same answer as a wrong password.
  const matches = await verifyPassword(password, operator?.passwordHash ?? (await dummyPasswordHash()))
  if (!operator || !matches) {
    deps.log.info('admin login refused', { username })
    return fail('UNAUTHENTICATED', '用户名或密码错误')
  }
  await giveBackLoginSlot(deps.db, slot.id)
  const { token, expiresAt } = await issueToken(deps.db, operator._id, operator.role, now)
  return ok({ token, expiresAt, operator: { username: operator._id, role: operator.role } })
})
