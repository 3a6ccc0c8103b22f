/** How a flash sale's state reads in the console. */
import type { FlashSaleState } from '../../../core/flashSale'

export const STATE_TEXT = {
  upcoming: ['blue', '未开始'],
  running: ['green', '进行中'],
  soldOut: ['orange', '已售罄'],
  ended: ['default', '已结束'],
  stopped: ['red', '已停止'],
} as const satisfies Record<FlashSaleState, readonly [string, string]>
