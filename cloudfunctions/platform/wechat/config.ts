/** AppConfig from environment variables (cloud function env in production, the shell locally). */
import { defaultConfig, type AppConfig } from '../../core/config'

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : undefined
}

/** Reads `ORDER_TTL_MS`, `ADMIN_PASSWORD` and `FLASH_REMINDER_TEMPLATE_ID`; anything unset or invalid keeps its default. */
export function configFromEnv(env: Record<string, string | undefined>): AppConfig {
  const config: AppConfig = { ...defaultConfig }
  const ttl = positiveInt(env.ORDER_TTL_MS)
  if (ttl !== undefined) config.orderTtlMs = ttl
  if (env.ADMIN_PASSWORD) config.adminPassword = env.ADMIN_PASSWORD
  if (env.FLASH_REMINDER_TEMPLATE_ID) config.flashReminderTemplateId = env.FLASH_REMINDER_TEMPLATE_ID
  return config
}
