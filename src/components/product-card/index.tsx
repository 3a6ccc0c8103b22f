import { Image, Text, View } from '@tarojs/components'
import type { ProductCard as ProductCardData } from '@core/contract'
import { OfferPrice } from '../offer-price'
import './index.css'

export interface ProductCardProps {
  product: ProductCardData
  onOpen: (productId: string) => void
}

/** One product on the shelf: cover, title, today's price for this caller, and whether any are left. */
export function ProductCard({ product, onOpen }: ProductCardProps) {
  return (
    <View className={`product-card card ${product.soldOut ? 'product-card--sold-out' : ''}`} onClick={() => onOpen(product._id)}>
      <View className='product-card__cover-wrap'>
        <Image className='product-card__cover' src={product.cover} mode='aspectFill' lazyLoad />
        {product.soldOut ? (
          <View className='product-card__badge'>
            <Text>已售罄</Text>
          </View>
        ) : null}
      </View>
      <View className='product-card__body'>
        <Text className='product-card__title'>{product.title}</Text>
        {product.subtitle ? <Text className='product-card__subtitle'>{product.subtitle}</Text> : null}
        <View className='product-card__foot'>
          <OfferPrice product={product} />
        </View>
      </View>
    </View>
  )
}

export default ProductCard
