import { Text, View } from '@tarojs/components'
import type { FlashSaleCard } from '@core/contract'
import { leftText, takenPercent } from '../flash-card/utils'
import './index.css'

/** How much of a sale's quantity is left, as a bar: "已抢 72%" and "仅剩 28 件". */
export function StockBar({ sale }: { sale: Pick<FlashSaleCard, 'quantity' | 'left'> }) {
  const percent = takenPercent(sale)
  return (
    // Little taken: the label sits on the pale track, so it turns dark to stay readable.
    <View className={`stock-bar ${percent < 25 ? 'stock-bar--low' : ''}`}>
      <View className='stock-bar__track'>
        <View className='stock-bar__fill' style={{ width: `${percent}%` }} />
        <Text className='stock-bar__taken'>已抢 {percent}%</Text>
      </View>
      <Text className='stock-bar__left'>{leftText(sale)}</Text>
    </View>
  )
}

export default StockBar
