/**
 * Operator accounts. The first operator is created by the local seed (dev) or from env
 * `ADMIN_PASSWORD` on the admin function's first login (production).
 */
import type { Db } from '../platform/ports'
import { hashPassword } from './password'
import type { Role } from './api'

export type { Role }

/**
 * Creates the operator `username` with role 'owner' unless it exists. Race-safe: `add` with the
 * username as `_id` refuses a duplicate. Resolves true when this call created it.
 */
export async function ensureOperator(db: Db, username: string, password: string, now: number): Promise<boolean> {
  if (await db.get('operators', username)) return false
  const passwordHash = await hashPassword(password)
  return db.add('operators', { _id: username, passwordHash, role: 'owner', createdAt: now })
}

/** Creates an operator with the given role; false when the username is taken. */
export async function addOperator(db: Db, username: string, password: string, role: Role, now: number): Promise<boolean> {
  const passwordHash = await hashPassword(password)
  return db.add('operators', { _id: username, passwordHash, role, createdAt: now })
}
