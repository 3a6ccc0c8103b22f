import { Text, View } from '@tarojs/components'
import './index.css'

/** A quiet loading state for a page or a list. */
export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='loading'>
      <View className='loading__dots'>
        <View className='loading__dot' />
        <View className='loading__dot' />
        <View className='loading__dot' />
      </View>
      <Text className='loading__text'>{text}</Text>
    </View>
  )
}

export default Loading
