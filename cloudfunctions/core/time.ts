/**
 * Calendar math in China time. The offset is fixed at +08:00 (China has no daylight saving),
 * so results never depend on the machine's time zone. Time itself is epoch ms everywhere.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** +08:00 in minutes. */
export const CN_OFFSET_MINUTES = 480
export const DAY_MS = 86_400_000

/** `ms` as a dayjs value in China time. */
export function cnTime(ms: number): dayjs.Dayjs {
  return dayjs(ms).utcOffset(CN_OFFSET_MINUTES)
}

/** The China calendar day of `ms`, as 'YYYY-MM-DD'. */
export function cnDay(ms: number): string {
  return cnTime(ms).format('YYYY-MM-DD')
}

/** Epoch ms of 00:00:00.000 China time on the day of `ms`. */
export function startOfCnDay(ms: number): number {
  return cnTime(ms).startOf('day').valueOf()
}

/** Epoch ms of 23:59:59.999 China time on the day of `ms`. */
export function endOfCnDay(ms: number): number {
  return cnTime(ms).endOf('day').valueOf()
}

/** Day of the week in China time: 0 = Sunday ... 6 = Saturday (dayjs's numbering). */
export function weekday(ms: number): number {
  return cnTime(ms).day()
}

/**
 * Epoch ms of 00:00 China time on a 'YYYY-MM-DD' day, or null when the text is not a real date.
 */
export function parseCnDay(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return null
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const ms = Date.UTC(year, month - 1, date) - CN_OFFSET_MINUTES * 60_000
  return cnDay(ms) === day ? ms : null
}
