/** The members of one group (who opened the mini program from it, since when), in a drawer. */
import { Alert, Drawer, Table, Typography } from 'antd'
import type { Group } from '../../../core/model'
import type { MembershipView } from '../../api'
import { formatCnTime } from '../format'
import { useList } from '../useList'

export function GroupMembers({ group, onClose }: { group: Group; onClose(): void }) {
  const list = useList('memberships', { opengid: group._id })
  return (
    <Drawer open width={560} title={`${group.name || '未命名群'} 的群友`} onClose={onClose}>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      <Table<MembershipView>
        rowKey="_id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        columns={[
          { title: '昵称', dataIndex: 'nickname', render: (name: string) => name || '—' },
          { title: 'openid', dataIndex: 'openid', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          { title: '入群时间', dataIndex: 'since', width: 170, render: (ms: number) => formatCnTime(ms) },
        ]}
        pagination={list.pager('位群友')}
      />
    </Drawer>
  )
}
