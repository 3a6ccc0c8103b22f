import { cnTime } from '@core/time'

/** China time (+08:00) whatever the phone's zone is, e.g. `2026-11-18 10:05`. */
export function formatDateTime(ms: number): string {
  return cnTime(ms).format('YYYY-MM-DD HH:mm')
}
