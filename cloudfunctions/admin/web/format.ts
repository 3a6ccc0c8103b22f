/** Display formatting: fen to yuan, epoch ms to +08:00 wall time. Nothing here is stored. */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const CN_OFFSET_MIN = 480

/** 12990 -> '¥129.90'. Integer arithmetic, so no float rounding errors. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** Epoch ms as 'YYYY-MM-DD HH:mm:ss' in China time, whatever the browser's zone. */
export function formatCnTime(ms: number): string {
  return dayjs(ms).utcOffset(CN_OFFSET_MIN).format('YYYY-MM-DD HH:mm:ss')
}
