/**
 * Pure membership rules (core/membership): naming a group, and which groups a member shows.
 */
import { memberGroupViews, validateGroupNaming, withGroup } from '../../cloudfunctions/core/membership'
import { makeGroup } from './membership-builders'

describe('naming a group', () => {
  it('accepts a name and tier, trimmed, with a topic only for topic groups', () => {
    expect(validateGroupNaming({ name: ' 咖啡核心群 ', tier: 'core' })).toEqual({ ok: true, value: { name: '咖啡核心群', tier: 'core' } })
    expect(validateGroupNaming({ name: '数码群', tier: 'topic', topic: '科技' })).toEqual({
      ok: true,
      value: { name: '数码群', tier: 'topic', topic: '科技' },
    })
  })

  it('names the field that is wrong', () => {
    expect(validateGroupNaming({ name: '', tier: 'core' })).toEqual({ ok: false, errors: { name: '请填写群名称' } })
    expect(validateGroupNaming({ name: '群', tier: 'vip' })).toEqual({ ok: false, errors: { tier: '请选择群类型' } })
    expect(validateGroupNaming({ name: '群', tier: 'topic' })).toEqual({ ok: false, errors: { topic: '垂类群请填写主题，如 科技' } })
    expect(validateGroupNaming({ name: '群', tier: 'core', topic: '科技' })).toEqual({ ok: false, errors: { topic: '只有垂类群需要主题' } })
    expect(validateGroupNaming({ name: '群', tier: 'core', extra: 1 })).toEqual({ ok: false, errors: { extra: '不支持的字段' } })
  })
})

describe('a member’s groups', () => {
  it('adds a group once, keeping the first time', () => {
    expect(withGroup(undefined, 'G-1', 5)).toEqual([{ opengid: 'G-1', since: 5 }])
    expect(withGroup([{ opengid: 'G-1', since: 5 }], 'G-1', 9)).toBeNull()
  })

  it('shows registered groups only, oldest membership first', () => {
    const groups = new Map([
      ['G-a', makeGroup({ _id: 'G-a', name: '甲' })],
      ['G-b', makeGroup({ _id: 'G-b', name: '乙', status: 'pending' })],
      ['G-c', makeGroup({ _id: 'G-c', name: '丙', tier: 'like' })],
    ])
    const refs = [
      { opengid: 'G-c', since: 3 },
      { opengid: 'G-b', since: 1 },
      { opengid: 'G-gone', since: 0 },
      { opengid: 'G-a', since: 2 },
    ]
    expect(memberGroupViews(refs, (id) => groups.get(id)).map((g) => g.name)).toEqual(['甲', '丙'])
  })
})
