export const MINUTE_MS = 60_000

/** Settings a deployment may change. */
export interface AppConfig {
  /** An unpaid order expires after this long. */
  orderTtlMs: number
  /** How long a function instance serves the product shelf from memory (default 5 s). */
  shelfCacheMs?: number
  /** Initial operator password (env `ADMIN_PASSWORD`), used only to create the first operator. */
  adminPassword?: string
  /**
   * The subscribe-message template of flash-sale start reminders (env `FLASH_REMINDER_TEMPLATE_ID`),
   * chosen in the mini program's console; the client asks members to allow this template.
   */
  flashReminderTemplateId?: string
}

export const defaultConfig: AppConfig = {
  orderTtlMs: 15 * MINUTE_MS,
}
