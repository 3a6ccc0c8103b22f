/**
 * Date pickers work in the browser's zone; the shop runs on China time (+08:00). A picked value
 * is read as the China wall time it shows, and a stored time is shown as its China wall time,
 * so an operator abroad still schedules 20:00 Beijing time by picking 20:00.
 */
import dayjs, { type Dayjs } from 'dayjs'
import { cnTime } from '../../core/time'

/** Epoch ms of the China wall time the picker shows. */
export function msFromPicker(value: Dayjs): number {
  return Date.parse(`${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00`)
}

/** A picker value showing `ms` as China wall time. */
export function pickerFromMs(ms: number): Dayjs {
  return dayjs(cnTime(ms).format('YYYY-MM-DDTHH:mm:ss'))
}

/** 'YYYY-MM-DD' of the picked calendar date (a date has no zone). */
export function dayFromPicker(value: Dayjs): string {
  return value.format('YYYY-MM-DD')
}

/** A picker value for a 'YYYY-MM-DD' China day. */
export function pickerFromDay(day: string): Dayjs {
  return dayjs(day)
}

/** Today's China date, 'YYYY-MM-DD'. */
export function cnToday(now = Date.now()): string {
  return cnTime(now).format('YYYY-MM-DD')
}
