/** Display formatting: fen to yuan, epoch ms to China wall time. Nothing here is stored. */
import { formatFen } from '../../core/money'
import { cnTime } from '../../core/time'

/** 12990 -> '¥129.90'. */
export const formatYuan = formatFen

/** Epoch ms as 'YYYY-MM-DD HH:mm:ss' in China time, whatever the browser's zone. */
export function formatCnTime(ms: number): string {
  return cnTime(ms).format('YYYY-MM-DD HH:mm:ss')
}
