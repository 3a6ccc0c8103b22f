import { type PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import './index.css'

export interface SheetProps {
  open: boolean
  title?: string
  onClose: () => void
}

/** A bottom sheet over a dimmed page; tapping the dim area closes it. */
export function Sheet({ open, title, onClose, children }: PropsWithChildren<SheetProps>) {
  if (!open) return null
  return (
    <View className='sheet'>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        {title ? <Text className='sheet__title'>{title}</Text> : null}
        <Text className='sheet__close' onClick={onClose}>
          ×
        </Text>
        {children}
      </View>
    </View>
  )
}

export default Sheet
