/**
 * 群友价日 on the home page: today's price days with their products at the price this caller
 * pays (and, when they do not qualify, why), or a countdown to the next one. Countdowns run on
 * the server's clock; when one ends the page asks the server again.
 */
import { Text, View } from '@tarojs/components'
import type { HomeView } from '@core/contract'
import { Countdown } from '@/components/countdown'
import { ProductCard } from '@/components/product-card'
import { formatDay } from '@/utils/format'

export interface PriceDaysProps {
  priceDays: HomeView['priceDays']
  nextPriceDayAt: number | null
  /** Server time of the answer: countdowns restart with each answer. */
  serverNow: number
  clockOffsetMs: number
  onOpen: (productId: string) => void
  onDue: () => void
}

export function PriceDays({ priceDays, nextPriceDayAt, serverNow, clockOffsetMs, onOpen, onDue }: PriceDaysProps) {
  if (priceDays.length === 0) {
    if (nextPriceDayAt === null) return null
    return (
      <View className='price-day-next card'>
        <View className='price-day-next__text'>
          <Text className='price-day-next__title'>下个群友价日</Text>
          <Text className='price-day-next__day'>{formatDay(nextPriceDayAt)}</Text>
        </View>
        <View className='price-day-next__clock'>
          <Text className='price-day-next__label'>还有</Text>
          <Countdown key={serverNow} targetAt={nextPriceDayAt} clockOffsetMs={clockOffsetMs} onEnd={onDue} className='price-day-next__countdown' />
        </View>
      </View>
    )
  }
  return (
    <View>
      {priceDays.map((day) => (
        <View key={day._id} className='price-day'>
          <View className='price-day__head'>
            <View className='price-day__name'>
              <Text className='price-day__badge'>群友价日</Text>
              <Text className='price-day__title'>{day.title}</Text>
            </View>
            <View className='price-day__clock'>
              <Text>距结束 </Text>
              <Countdown key={serverNow} targetAt={day.endAt} clockOffsetMs={clockOffsetMs} onEnd={onDue} className='price-day__countdown' />
            </View>
          </View>
          {day.eligible ? null : <Text className='price-day__reason'>{day.reason ?? '你暂不符合本场群友价条件'}，你看到的是原价</Text>}
          <View className='product-grid'>
            {day.items.map((p) => (
              <ProductCard key={p._id} product={p} onOpen={onOpen} />
            ))}
          </View>
        </View>
      ))}
      {nextPriceDayAt !== null ? <Text className='price-day__after'>下一场群友价日：{formatDay(nextPriceDayAt)}</Text> : null}
    </View>
  )
}

export default PriceDays
