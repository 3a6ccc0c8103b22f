/**
 * Operator passwords: scrypt with a random salt, stored as `scrypt$N$r$p$saltB64$hashB64`
 * so the cost can be raised later without invalidating existing hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const N = 16384
const R = 8
const P = 1
const KEY_LEN = 32
const SALT_LEN = 16

function derive(password: string, salt: Buffer, options: ScryptOptions, keyLen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must cover 128 * N * r bytes; the default (32 MB) is enough for N=16384, r=8 but
    // not for stronger stored parameters.
    const maxmem = 256 * (options.N ?? N) * (options.r ?? R)
    scrypt(password, salt, keyLen, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LEN)
  const hash = await derive(password, salt, { N, r: R, p: P }, KEY_LEN)
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$')
}

/** True when `password` matches `encoded`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [n, r, p] = parts.slice(1, 4).map(Number)
  if (![n, r, p].every((v) => Number.isSafeInteger(v) && v > 0)) return false
  const salt = Buffer.from(parts[4], 'base64')
  const expected = Buffer.from(parts[5], 'base64')
  if (salt.length === 0 || expected.length === 0) return false
  try {
    const actual = await derive(password, salt, { N: n, r, p }, expected.length)
    return timingSafeEqual(actual, expected)
  } catch {
    return false
  }
}

/**
 * A fixed hash to verify against when the username is unknown, so an unknown user costs the same
 * scrypt work as a wrong password and the two cannot be told apart by timing.
 */
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
  return dummyHash
}
