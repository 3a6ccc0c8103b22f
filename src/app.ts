import { type PropsWithChildren } from 'react'
import Taro, { useDidShow, useLaunch } from '@tarojs/taro'
import { createGroupEntry, type EnterOptions } from '@/services/groups'
import { login } from '@/services/login'
import './app.css'

const groupEntry = createGroupEntry()
let launched: Promise<unknown> = Promise.resolve()

function enterOptions(options: EnterOptions | undefined): EnterOptions | undefined {
  if (options || process.env.TARO_ENV !== 'weapp') return options
  try {
    return Taro.getEnterOptionsSync()
  } catch {
    return undefined
  }
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
    }
    launched = login()
  })
  // Launch and every return to the foreground: a card opened from a group chat binds that group.
  useDidShow((options) => {
    void groupEntry.onEnter(enterOptions(options), launched)
  })
  return children
}

export default App
