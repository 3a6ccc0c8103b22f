/**
 * Signed, expiring operator tokens: `v1.<payload>.<signature>`, both base64url; the signature is
 * HMAC-SHA256 over `v1.<payload>` with a per-deployment secret kept in the settings collection.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Db } from '../platform/ports'
import type { Role } from './api'

export const TOKEN_TTL_MS = 12 * 60 * 60 * 1000
const VERSION = 'v1'
const SECRET_ID = 'adminSecret'
const ROLES: readonly Role[] = ['owner', 'operator', 'viewer']

export interface TokenClaims {
  username: string
  role: Role
  /** Epoch ms after which the token is refused. */
  expiresAt: number
}

// One secret per database, cached for the life of the function instance.
const secrets = new WeakMap<Db, Promise<Buffer>>()

async function loadSecret(db: Db, now: number): Promise<Buffer> {
  const existing = await db.get('settings', SECRET_ID)
  if (typeof existing?.value === 'string') return Buffer.from(existing.value, 'base64')
  // Two instances may race to create it: `add` lets exactly one win, and both read back the winner.
  await db.add('settings', { _id: SECRET_ID, value: randomBytes(32).toString('base64'), updatedAt: now })
  const stored = await db.get('settings', SECRET_ID)
  if (typeof stored?.value !== 'string') throw new Error('admin secret missing after creation')
  return Buffer.from(stored.value, 'base64')
}

export function tokenSecret(db: Db, now: number): Promise<Buffer> {
  let secret = secrets.get(db)
  if (!secret) {
    secret = loadSecret(db, now)
    secrets.set(db, secret)
    // A failed read must not poison the cache for the rest of the instance's life.
    secret.catch(() => secrets.delete(db))
  }
  return secret
}

function sign(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest()
}

export async function issueToken(db: Db, username: string, role: Role, now: number): Promise<{ token: string; expiresAt: number }> {
  const expiresAt = now + TOKEN_TTL_MS
  const claims: TokenClaims = { username, role, expiresAt }
  const body = `${VERSION}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`
  const signature = sign(await tokenSecret(db, now), body).toString('base64url')
  return { token: `${body}.${signature}`, expiresAt }
}

/** The token's claims, or null when it is malformed, tampered with or expired. */
export async function verifyToken(db: Db, token: string, now: number): Promise<TokenClaims | null> {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] !== VERSION) return null
  const expected = sign(await tokenSecret(db, now), `${parts[0]}.${parts[1]}`)
  const given = Buffer.from(parts[2], 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!isClaims(claims) || claims.expiresAt <= now) return null
  return claims
}

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false
  const c = value as Record<string, unknown>
  return (
    typeof c.username === 'string' &&
    typeof c.role === 'string' &&
    (ROLES as readonly string[]).includes(c.role) &&
    typeof c.expiresAt === 'number' &&
    Number.isSafeInteger(c.expiresAt)
  )
}
