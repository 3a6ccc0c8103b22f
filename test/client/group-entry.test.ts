import Taro from '@tarojs/taro'
import { bindFailureText, createGroupEntry, groupTicketToBind, joinGroup } from '@/services/groups'
import { call } from '@/services/cloud'
import { useSession } from '@/stores/session'
import { makeGroup } from './builders'
import { taroMock } from './mocks/taro'

jest.mock('@/services/cloud', () => ({ call: jest.fn() }))

// Taro types these answers without `cloudID`; WeChat sends it to cloud-enabled mini programs.
const groupEnterInfo = () => Taro.getGroupEnterInfo as unknown as jest.Mock
const shareInfo = () => Taro.getShareInfo as unknown as jest.Mock

const bound = (isNew: boolean) => ({ ok: true, data: { group: makeGroup(), groups: [makeGroup()], isNew } }) as never

beforeEach(() => {
  taroMock.reset()
  jest.mocked(call).mockReset()
  useSession.setState(useSession.getInitialState())
  process.env.TARO_ENV = 'weapp'
  // Outside a group chat scene WeChat answers without a CloudID.
  groupEnterInfo().mockResolvedValue({ errMsg: 'getGroupEnterInfo:ok' })
  shareInfo().mockResolvedValue({ errMsg: 'getShareInfo:ok' })
})

describe('which launches bind a group', () => {
  it('binds when the app is opened from a card in a group chat (a share ticket)', () => {
    expect(groupTicketToBind({ scene: 1044, shareTicket: 'ticket-1' }, new Set())).toBe('ticket-1')
  })

  it('does not bind a launch without a share ticket (search, a single chat, the tab bar)', () => {
    expect(groupTicketToBind({ scene: 1001 }, new Set())).toBeNull()
    expect(groupTicketToBind({ scene: 1007, shareTicket: '' }, new Set())).toBeNull()
    expect(groupTicketToBind(undefined, new Set())).toBeNull()
  })

  it('binds a ticket once, though every return to the foreground repeats it', () => {
    expect(groupTicketToBind({ shareTicket: 'ticket-1' }, new Set(['ticket-1']))).toBeNull()
  })
})

describe('opening the app from a group card in WeChat', () => {
  it('gets the group CloudID and binds with it as an open-data marker', async () => {
    groupEnterInfo().mockResolvedValue({ errMsg: 'getGroupEnterInfo:ok', cloudID: 'CID-1' })
    jest.mocked(call).mockResolvedValue(bound(true))

    await createGroupEntry().onEnter({ scene: 1044, shareTicket: 'ticket-1' })

    expect(Taro.cloud.CloudID).toHaveBeenCalledWith('CID-1')
    expect(call).toHaveBeenCalledWith('member', 'bindGroup', { group: { cloudID: 'CID-1', marker: 'CloudID' } })
    expect(useSession.getState().groups).toEqual([makeGroup()])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入「咖啡核心群」，群友权益已开启' }))
  })

  it('waits for the launch login before binding', async () => {
    groupEnterInfo().mockResolvedValue({ errMsg: 'getGroupEnterInfo:ok', cloudID: 'CID-1' })
    jest.mocked(call).mockResolvedValue(bound(true))
    let loggedIn!: () => void
    const login = new Promise<void>((resolve) => (loggedIn = resolve))

    const entering = createGroupEntry().onEnter({ shareTicket: 'ticket-1' }, login)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(call).not.toHaveBeenCalled()
    loggedIn()
    await entering
    expect(call).toHaveBeenCalledTimes(1)
  })

  it('binds once per share ticket across launch and show', async () => {
    groupEnterInfo().mockResolvedValue({ errMsg: 'getGroupEnterInfo:ok', cloudID: 'CID-1' })
    jest.mocked(call).mockResolvedValue(bound(false))
    const entry = createGroupEntry()
    await entry.onEnter({ shareTicket: 'ticket-1' })
    await entry.onEnter({ shareTicket: 'ticket-1' })
    expect(call).toHaveBeenCalledTimes(1)
  })

  it('falls back to the share ticket’s info on base libraries without getGroupEnterInfo', async () => {
    groupEnterInfo().mockRejectedValue({ errMsg: 'getGroupEnterInfo:fail not supported' })
    shareInfo().mockResolvedValue({ errMsg: 'getShareInfo:ok', cloudID: 'CID-2' })
    jest.mocked(call).mockResolvedValue(bound(true))
    await createGroupEntry().onEnter({ shareTicket: 'ticket-2' })
    expect(Taro.getShareInfo).toHaveBeenCalledWith({ shareTicket: 'ticket-2' })
    expect(Taro.cloud.CloudID).toHaveBeenCalledWith('CID-2')
  })

  it('says so, and binds nothing, when WeChat gives no group information', async () => {
    await createGroupEntry().onEnter({ shareTicket: 'ticket-3' })
    expect(call).not.toHaveBeenCalled()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有取到群信息，请从群聊里的小程序卡片重新打开' }))
  })

  it('does nothing in the h5 build (the dev switcher binds there)', async () => {
    process.env.TARO_ENV = 'h5'
    expect(await createGroupEntry().onEnter({ shareTicket: 'ticket-1' })).toBeNull()
    expect(Taro.getGroupEnterInfo).not.toHaveBeenCalled()
  })
})

describe('what a member is told when binding fails', () => {
  it.each([
    [{ code: 'GROUP_NOT_REGISTERED', message: '这个群还没有开通群友权益，请联系群主或运营' }, '这个群还没有开通群友权益，请联系群主或运营'],
    [{ code: 'INVALID_INPUT', message: '字段 group 无效: 群信息已过期，请从群聊重新打开小程序' }, '群信息已过期，请从群聊重新打开小程序'],
    [{ code: 'FORBIDDEN', message: '群信息校验未通过，请从群聊重新打开小程序' }, '群信息校验未通过，请从群聊重新打开小程序'],
  ] as const)('%o reads "%s"', (failure, text) => {
    expect(bindFailureText(failure)).toBe(text)
  })

  it('shows the refusal and keeps the member’s groups as they were', async () => {
    useSession.setState({ groups: [makeGroup()] })
    jest.mocked(call).mockResolvedValue({ ok: false, code: 'GROUP_NOT_REGISTERED', message: '这个群还没有开通群友权益，请联系群主或运营' })
    const result = await joinGroup('dev:G-unknown')
    expect(result.ok).toBe(false)
    expect(useSession.getState().groups).toEqual([makeGroup()])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '这个群还没有开通群友权益，请联系群主或运营' }))
  })

  it('asks pricing pages to reload only when the membership is new', async () => {
    jest.mocked(call).mockResolvedValue(bound(false))
    await joinGroup('dev:G-demo-core')
    expect(useSession.getState().groupsVersion).toBe(0)
    jest.mocked(call).mockResolvedValue(bound(true))
    await joinGroup('dev:G-demo-core')
    expect(useSession.getState().groupsVersion).toBe(1)
  })
})
