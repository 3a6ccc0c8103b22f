export const MINUTE_MS = 60_000

/** Settings a deployment may change. */
export interface AppConfig {
  /** An unpaid order expires after this long. */
  orderTtlMs: number
  /** How long a function instance serves the product shelf from memory (default 5 s). */
  shelfCacheMs?: number
  /** Initial operator password (env `ADMIN_PASSWORD`), used only to create the first operator. */
  adminPassword?: string
}

export const defaultConfig: AppConfig = {
  orderTtlMs: 15 * MINUTE_MS,
}
