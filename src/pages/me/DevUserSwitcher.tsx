/**
 * h5 on the local cloud only: act as one of the demo members. The choice is the `X-Wx-Openid`
 * header the local gateway reads; it is kept in storage across reloads.
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { listDevUsers, type DevUser } from '@/services/identity'
import { login } from '@/services/login'
import { useSession } from '@/stores/session'
import { showError } from '@/utils/toast'

export function DevUserSwitcher({ onSwitched }: { onSwitched: () => void }) {
  const devOpenid = useSession((s) => s.devOpenid)
  const [users, setUsers] = useState<DevUser[]>([])

  useEffect(() => {
    void listDevUsers().then(setUsers)
  }, [])

  if (users.length === 0) return null

  const switchTo = async (user: DevUser) => {
    if (user.openid === devOpenid) return
    useSession.getState().setDevOpenid(user.openid)
    const result = await login()
    if (!result.ok) {
      showError(result)
      return
    }
    void Taro.showToast({ title: `已切换为 ${user.nickname}`, icon: 'none' })
    onSwitched()
  }

  return (
    <View className='me__dev card'>
      <Text className='me__dev-title'>开发者 · 切换演示用户</Text>
      {users.map((user) => (
        <View
          key={user.openid}
          className={`me__dev-user ${user.openid === devOpenid ? 'me__dev-user--on' : ''}`}
          onClick={() => void switchTo(user)}
        >
          <Text className='me__dev-name'>{user.nickname}</Text>
          <Text className='me__dev-openid'>{user.openid}</Text>
          {user.openid === devOpenid ? <Text className='me__dev-mark'>当前</Text> : null}
        </View>
      ))}
    </View>
  )
}
