/**
 * Group membership on the client. When the app is opened from a mini program card in a group
 * chat, the enter options carry a `shareTicket`; the group's CloudID then comes from
 * `getGroupEnterInfo`, and `member.bindGroup` (which reads the opengid from the open data on the
 * server) makes the person a member of that group. On the local cloud the h5 dev switcher binds
 * with `dev:<opengid>` instead.
 */
import Taro from '@tarojs/taro'
import type { InputOf, OutputOf } from '@core/contract'
import type { Failure, Result } from '@core/errors'
import { useSession } from '@/stores/session'
import { errorText } from '@/utils/toast'
import { call } from './cloud'

/** What `member.bindGroup` takes: a CloudID (object in weapp, `dev:<opengid>` string locally). */
export type GroupField = InputOf<'member', 'bindGroup'>['group']
export type Bound = OutputOf<'member', 'bindGroup'>

/** The parts of the launch/show options that matter here. */
export interface EnterOptions {
  scene?: number
  shareTicket?: string
}

/**
 * The share ticket of an entry from a group chat that has not been handled yet, or null: the app
 * was not opened from a group card, or this ticket was bound already (onShow repeats it).
 */
export function groupTicketToBind(options: EnterOptions | null | undefined, handled: ReadonlySet<string>): string | null {
  const ticket = options?.shareTicket
  if (typeof ticket !== 'string' || ticket === '') return null
  return handled.has(ticket) ? null : ticket
}

/** A bind failure in a person's words: the server's reason without the field-name prefix. */
export function bindFailureText(failure: Pick<Failure, 'code' | 'message'>): string {
  return errorText(failure).replace(/^字段\s*\S+\s*无效[:：]\s*/, '')
}

export function bindSuccessText(bound: Bound): string {
  return bound.isNew ? `已加入「${bound.group.name}」，群友权益已开启` : `欢迎回来，「${bound.group.name}」的群友`
}

const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2500 })

/** Binds the caller to a group, keeps their groups in the session and says how it went. */
export async function joinGroup(group: GroupField): Promise<Result<Bound>> {
  const result = await call('member', 'bindGroup', { group })
  if (!result.ok) {
    toast(bindFailureText(result))
    return result
  }
  const session = useSession.getState()
  // A new membership can change prices and buttons: pages that show them reload.
  if (result.data.isNew) session.groupsChanged(result.data.groups)
  else session.setGroups(result.data.groups)
  toast(bindSuccessText(result.data))
  return result
}

/** The CloudID of the group the app was opened from (weapp), or '' when WeChat gives none. */
async function groupCloudId(shareTicket: string): Promise<string> {
  try {
    const info = (await Taro.getGroupEnterInfo()) as { cloudID?: string }
    if (info.cloudID) return info.cloudID
  } catch {
    // Older base libraries: the share ticket's info carries the same CloudID.
  }
  try {
    const info = (await Taro.getShareInfo({ shareTicket })) as { cloudID?: string }
    return info.cloudID ?? ''
  } catch {
    return ''
  }
}

export interface GroupEntry {
  /** Call with the launch/show options; binds when they come from a group card. */
  onEnter(options: EnterOptions | null | undefined, ready?: Promise<unknown>): Promise<Result<Bound> | null>
}

/** One per app: remembers which share tickets it has bound. `ready` is the launch login. */
export function createGroupEntry(): GroupEntry {
  const handled = new Set<string>()
  return {
    async onEnter(options, ready) {
      if (process.env.TARO_ENV !== 'weapp') return null
      const ticket = groupTicketToBind(options, handled)
      if (!ticket) return null
      handled.add(ticket)
      const cloudID = await groupCloudId(ticket)
      if (!cloudID) {
        toast('没有取到群信息，请从群聊里的小程序卡片重新打开')
        return null
      }
      await ready
      // Taro types CloudID as returning void; WeChat returns the marker object the cloud replaces.
      const marker = (Taro.cloud.CloudID as unknown as (id: string) => GroupField)(cloudID)
      return joinGroup(marker)
    },
  }
}
