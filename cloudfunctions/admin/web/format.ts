/** Display formatting: fen to yuan, epoch ms to China wall time. Nothing here is stored. */
import { formatFen } from '../../core/money'
import { cnTime } from '../../core/time'

/** 12990 -> '¥129.90'. */
export const formatYuan = formatFen

/** Epoch ms as 'YYYY-MM-DD HH:mm:ss' in China time, whatever the browser's zone. */
export function formatCnTime(ms: number): string {
  return cnTime(ms).format('YYYY-MM-DD HH:mm:ss')
}

/** 'MM-DD HH:mm' in China time, for dense tables. */
export function formatCnShort(ms: number): string {
  return cnTime(ms).format('MM-DD HH:mm')
}

/** 0.4567 -> '45.7%'. */
export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`
}

/** A duration in ms as '1 分 05 秒' / '12.3 秒'. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} 秒`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return minutes < 60 ? `${minutes} 分 ${String(seconds).padStart(2, '0')} 秒` : `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`
}

/**
 * Whether a browser can show this image as is. Cloud fileIDs (cloud://) need a temporary URL
 * first; the console shows their id instead.
 */
export function displayable(src: string | undefined): src is string {
  return !!src && /^(https?:)?\//.test(src)
}
