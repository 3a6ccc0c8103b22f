/**
 * h5 on the local cloud only: act as one of the demo members, and open the shop "from" a group
 * chat. The member is the `X-Wx-Openid` header the local gateway reads (kept in storage across
 * reloads); a group is the local open-data id `dev:<opengid>` bound as WeChat's CloudID would be.
 */
import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { joinGroup, type GroupField } from '@/services/groups'
import { listDevGroups, listDevUsers, type DevGroup, type DevUser } from '@/services/identity'
import { login } from '@/services/login'
import { useSession } from '@/stores/session'
import { showError } from '@/utils/toast'

interface GroupChoice {
  key: string
  label: string
  note: string
  group: () => GroupField
}

/** Registered and pending groups, then the cases a real phone can run into. */
function groupChoices(groups: DevGroup[]): GroupChoice[] {
  const known = groups.map<GroupChoice>((g) => ({
    key: g.opengid,
    label: g.status === 'registered' ? g.name : `未命名的群 ${g.opengid}`,
    note: g.status === 'registered' ? '已登记' : '待运营命名',
    group: () => `dev:${g.opengid}`,
  }))
  const sample = groups.find((g) => g.status === 'registered')?.opengid ?? 'G-demo-core'
  return [
    ...known,
    { key: 'new', label: '一个新群', note: '未登记，运营可在后台命名', group: () => `dev:G-new-${Date.now().toString(36)}` },
    { key: 'expired', label: '过期的群卡片', note: '群信息已过期', group: () => `dev-expired:${sample}` },
    { key: 'forged', label: '伪造的群信息', note: '冒充微信替换的字段', group: () => ({ cloudID: 'forged', data: { opengid: sample } }) },
  ]
}

export function DevUserSwitcher({ onSwitched }: { onSwitched: () => void }) {
  const devOpenid = useSession((s) => s.devOpenid)
  const [users, setUsers] = useState<DevUser[]>([])
  const [groups, setGroups] = useState<DevGroup[]>([])
  const [busy, setBusy] = useState(false)

  const loadGroups = useCallback(() => void listDevGroups().then(setGroups), [])
  useEffect(() => {
    void listDevUsers().then(setUsers)
    loadGroups()
  }, [loadGroups])

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

  const openFrom = async (choice: GroupChoice) => {
    if (busy) return
    setBusy(true)
    await joinGroup(choice.group())
    setBusy(false)
    // A new group shows up as pending for the operator to name.
    loadGroups()
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
      <Text className='me__dev-title me__dev-title--groups'>从群打开 · 模拟从群聊里的小程序卡片进入</Text>
      {groupChoices(groups).map((choice) => (
        <View key={choice.key} className='me__dev-user me__dev-group' onClick={() => void openFrom(choice)}>
          <Text className='me__dev-name'>{choice.label}</Text>
          <Text className='me__dev-openid'>{choice.note}</Text>
          <Text className='me__dev-open'>从群打开</Text>
        </View>
      ))}
    </View>
  )
}
