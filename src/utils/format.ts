import { cnTime, DAY_MS, startOfCnDay } from '@core/time'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** China time (+08:00) whatever the phone's zone is, e.g. `2026-11-18 10:05`. */
export function formatDateTime(ms: number): string {
  return cnTime(ms).format('YYYY-MM-DD HH:mm')
}

/** A China calendar date, e.g. `2026-11-18`. */
export function formatDate(ms: number): string {
  return cnTime(ms).format('YYYY-MM-DD')
}

/** A day as people say it, e.g. `11月25日 周三`. */
export function formatDay(ms: number): string {
  const t = cnTime(ms)
  return `${t.month() + 1}月${t.date()}日 周${WEEKDAYS[t.day()]}`
}

/** A start time relative to `now` (both server time): `10:00`, `明天 10:00`, or `11月25日 10:00`. */
export function formatStart(ms: number, now: number): string {
  const t = cnTime(ms)
  const days = Math.round((startOfCnDay(ms) - startOfCnDay(now)) / DAY_MS)
  if (days === 0) return t.format('HH:mm')
  if (days === 1) return `明天 ${t.format('HH:mm')}`
  return `${t.month() + 1}月${t.date()}日 ${t.format('HH:mm')}`
}
