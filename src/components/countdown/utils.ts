/** A span of time split for display. */
export interface TimeData {
  days: number
  hours: number
  minutes: number
  seconds: number
  milliseconds: number
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Splits `ms` (clamped at 0) into days, hours, minutes, seconds and milliseconds. */
export function parseTimeData(ms: number): TimeData {
  const time = Math.max(0, Math.floor(ms))
  return {
    days: Math.floor(time / DAY),
    hours: Math.floor((time % DAY) / HOUR),
    minutes: Math.floor((time % HOUR) / MINUTE),
    seconds: Math.floor((time % MINUTE) / SECOND),
    milliseconds: time % SECOND,
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `mm:ss` under an hour, `HH:mm:ss` under a day, `N天 HH:mm:ss` beyond. */
export function formatTimeData(t: TimeData): string {
  if (t.days > 0) return `${t.days}天 ${pad(t.hours)}:${pad(t.minutes)}:${pad(t.seconds)}`
  if (t.hours > 0) return `${pad(t.hours)}:${pad(t.minutes)}:${pad(t.seconds)}`
  return `${pad(t.minutes)}:${pad(t.seconds)}`
}

/** Milliseconds until `targetAt` (server time) given the client's offset to the server clock. */
export function remainingMs(targetAt: number, clockOffsetMs: number, localNow: number): number {
  return Math.max(0, targetAt - (localNow + clockOffsetMs))
}
