import { Button, Text, View } from '@tarojs/components'
import './index.css'

export interface EmptyProps {
  text: string
  actionText?: string
  onAction?: () => void
}

/** What a list shows when there is nothing in it. */
export function Empty({ text, actionText, onAction }: EmptyProps) {
  return (
    <View className='empty'>
      <View className='empty__art'>
        <View className='empty__box' />
      </View>
      <Text className='empty__text'>{text}</Text>
      {actionText && onAction ? (
        <Button className='btn btn--ghost empty__action' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  )
}

export default Empty
