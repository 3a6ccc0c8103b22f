/**
 * One flash sale in a list (home, 限量秒杀): the product, the flash price against the list
 * price, what is left, and the countdown to its start or end on the server's clock.
 */
import { Image, Text, View } from '@tarojs/components'
import type { FlashSaleCard as FlashSaleCardData } from '@core/contract'
import { formatStart } from '@/utils/format'
import { Countdown } from '../countdown'
import { Price } from '../price'
import { StockBar } from '../stock-bar'
import { saleCountdown } from './utils'
import './index.css'

export interface FlashCardProps {
  sale: FlashSaleCardData
  clockOffsetMs: number
  /** Server time of the answer the card came from (for "明天 10:00"). */
  serverNow: number
  onOpen: (saleId: string) => void
  /** The countdown reached zero: time to ask the server for the sale's new state. */
  onPhaseEnd?: () => void
  /** The caller's button text, when known (the flash list knows it; home does not). */
  action?: string
}

const STATE_TEXT = { upcoming: '即将开抢', running: '抢购中', soldOut: '已抢光', ended: '已结束', stopped: '已结束' } as const

export function FlashCard({ sale, clockOffsetMs, serverNow, onOpen, onPhaseEnd, action }: FlashCardProps) {
  const countdown = saleCountdown(sale)
  return (
    <View className={`flash-card card flash-card--${sale.state}`} onClick={() => onOpen(sale._id)}>
      <Image className='flash-card__cover' src={sale.cover} mode='aspectFill' lazyLoad />
      <View className='flash-card__body'>
        <View className='flash-card__top'>
          <Text className='flash-card__state'>{STATE_TEXT[sale.state]}</Text>
          <Text className='flash-card__title'>{sale.title}</Text>
        </View>
        <View className='flash-card__prices'>
          <Price fen={sale.flashPriceFen} size='md' />
          <Price fen={sale.listPriceFen} strike className='flash-card__list-price' />
        </View>
        <StockBar sale={sale} />
        <View className='flash-card__foot'>
          {countdown ? (
            <View className='flash-card__clock'>
              {sale.state === 'upcoming' ? <Text className='flash-card__start'>{formatStart(sale.startAt, serverNow)} 开抢 · </Text> : null}
              <Text>{countdown.label} </Text>
              <Countdown key={serverNow} targetAt={countdown.targetAt} clockOffsetMs={clockOffsetMs} onEnd={onPhaseEnd} className='flash-card__countdown' />
            </View>
          ) : (
            <Text className='flash-card__clock'>活动已结束</Text>
          )}
          {action ? <Text className='flash-card__action'>{action}</Text> : null}
        </View>
      </View>
    </View>
  )
}

export default FlashCard
