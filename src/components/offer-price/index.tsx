/**
 * A product's price for this caller: what they pay (with a 群友价 tag on a price day), the list
 * price struck through, and for those who do not qualify, the member price greyed with why.
 */
import { Text, View } from '@tarojs/components'
import type { ProductCard } from '@core/contract'
import { Price } from '../price'
import { priceDisplay } from './utils'
import './index.css'

export interface OfferPriceProps {
  product: Pick<ProductCard, 'priceFen' | 'listPriceFen' | 'priceDay'>
  size?: 'sm' | 'md' | 'lg'
  /** Show the reason under a missed member price (the product page); cards keep it short. */
  withReason?: boolean
}

export function OfferPrice({ product, size = 'md', withReason = false }: OfferPriceProps) {
  const d = priceDisplay(product)
  return (
    <View className='offer-price'>
      <View className='offer-price__row'>
        {d.memberPrice ? <Text className='offer-price__tag'>群友价</Text> : null}
        <Price fen={d.payFen} size={size} />
        {d.strikeFen !== undefined ? <Price fen={d.strikeFen} strike className='offer-price__strike' /> : null}
      </View>
      {d.lockedFen !== undefined ? (
        <View className='offer-price__locked'>
          <Text className='offer-price__locked-tag'>群友价</Text>
          <Price fen={d.lockedFen} size='sm' className='offer-price__locked-price' />
          {withReason && d.reason ? <Text className='offer-price__reason'>{d.reason}</Text> : null}
        </View>
      ) : null}
    </View>
  )
}

export default OfferPrice
