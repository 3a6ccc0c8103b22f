/**
 * 群管理: groups seen but not yet named come first (待命名); an operator names one and picks its
 * tier to register it. Registered groups can be renamed, re-tiered, removed, and their members listed.
 */
import { Alert, App, Button, Select, Space, Table, Tag, Typography } from 'antd'
import { DangerLink } from '../DangerLink'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { TIER_NAMES } from '../../../core/membership'
import type { Group } from '../../../core/model'
import { messageOf, removeConfig } from '../client'
import { formatCnTime } from '../format'
import { GroupForm } from '../forms/GroupForm'
import { useCanWrite } from '../permissions'
import { useList } from '../useList'
import { GroupMembers } from './GroupMembers'

const STATUS = { pending: ['gold', '待命名'], registered: ['green', '已开通'] } as const satisfies Record<Group['status'], readonly [string, string]>

export function tierText(group: Pick<Group, 'tier' | 'topic'>): string {
  return group.tier === 'topic' && group.topic ? `${TIER_NAMES.topic}·${group.topic}` : TIER_NAMES[group.tier]
}

export function Groups() {
  const { message } = App.useApp()
  const canWrite = useCanWrite()
  const [status, setStatus] = useState<Group['status'] | undefined>()
  const [naming, setNaming] = useState<Group | null>(null)
  const [members, setMembers] = useState<Group | null>(null)
  const list = useList('groups', { status })

  async function unregister(group: Group) {
    try {
      await removeConfig('groups', group._id)
      message.success('已移除')
      list.reload()
    } catch (error) {
      message.error(messageOf(error))
    }
  }

  const columns: ColumnsType<Group> = [
    {
      title: '群',
      dataIndex: 'name',
      render: (name: string, group) => (
        <div>
          <div>{name || <Typography.Text type="secondary">未命名</Typography.Text>}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
            {group._id}
          </Typography.Text>
        </div>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: Group['status']) => <Tag color={STATUS[s][0]}>{STATUS[s][1]}</Tag> },
    { title: '类型', key: 'tier', width: 140, render: (_, group) => (group.status === 'registered' ? tierText(group) : '—') },
    { title: '首次打开', dataIndex: 'firstSeenAt', width: 170, render: (ms: number) => formatCnTime(ms) },
    { title: '最近打开', dataIndex: 'lastSeenAt', width: 170, render: (ms?: number) => (ms ? formatCnTime(ms) : '—') },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_, group) => (
        <Space>
          {canWrite && (
            <Button type={group.status === 'pending' ? 'primary' : 'link'} size="small" onClick={() => setNaming(group)}>
              {group.status === 'pending' ? '命名并开通' : '编辑'}
            </Button>
          )}
          {group.status === 'registered' && (
            <Button type="link" size="small" onClick={() => setMembers(group)}>
              群友
            </Button>
          )}
          {canWrite && group.status === 'registered' && (
            <DangerLink label="移除" question="移除后该群群友不再享受群友权益，确定？" onConfirm={() => unregister(group)} />
          )}
        </Space>
      ),
    },
  ]

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message="如何开通一个群"
        description="在要开通的微信群里发一张小程序卡片并从群里打开它，这个群就会出现在下方「待命名」列表中；点「命名并开通」，填写群名称并选择群类型即可。之后从该群打开小程序的成员即成为群友。"
      />
      <Select<Group['status']>
        aria-label="群状态"
        placeholder="全部状态"
        allowClear
        style={{ width: 160 }}
        value={status}
        onChange={setStatus}
        options={[
          { value: 'pending', label: '待命名' },
          { value: 'registered', label: '已开通' },
        ]}
      />
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<Group>
        rowKey="_id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pager('个群')}
      />
      {naming && (
        <GroupForm
          group={naming}
          onClose={() => setNaming(null)}
          onSaved={() => {
            message.success('已保存')
            setNaming(null)
            list.reload()
          }}
        />
      )}
      {members && <GroupMembers group={members} onClose={() => setMembers(null)} />}
    </Space>
  )
}
