/** 审计日志: every change operators made (who, when, what, before/after), newest first. */
import { Alert, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { AuditEntry } from '../../../core/model'
import { callAdmin } from '../client'
import { formatCnTime } from '../format'
import { useLoad } from '../useLoad'

const KIND_TEXT: Record<string, string> = {
  products: '商品',
  groups: '群',
  priceDays: '群友价日',
  flashSales: '秒杀',
  operators: '运营账号',
}
const ACTION_TEXT: Record<string, string> = { create: '新建', update: '修改', remove: '删除', stop: '停止', archive: '归档' }
const PAGE_SIZE = 20

/** The fields that differ between before and after, for a compact summary. */
function changedFields(entry: AuditEntry): string[] {
  const before = (entry.before ?? {}) as Record<string, unknown>
  const after = (entry.after ?? {}) as Record<string, unknown>
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => key !== 'updatedAt' && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  )
}

function Json({ value }: { value: unknown }) {
  return <pre style={{ margin: 0, fontSize: 12, maxHeight: 320, overflow: 'auto', background: '#fafafa', padding: 8 }}>{JSON.stringify(value, null, 2)}</pre>
}

export function Audit() {
  const [kind, setKind] = useState<string | undefined>()
  const [page, setPage] = useState(1)
  const log = useLoad(() => callAdmin('audit', { ...(kind ? { kind } : {}), skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }), [kind, page])

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Select<string>
        aria-label="类型"
        placeholder="全部类型"
        allowClear
        style={{ width: 160 }}
        value={kind}
        onChange={(value) => {
          setKind(value)
          setPage(1)
        }}
        options={Object.entries(KIND_TEXT).map(([value, label]) => ({ value, label }))}
      />
      {log.error && <Alert type="error" showIcon message={log.error} />}
      <Table<AuditEntry>
        rowKey="_id"
        loading={log.loading}
        dataSource={log.data?.items ?? []}
        expandable={{
          expandedRowRender: (entry) => (
            <Space align="start" style={{ width: '100%' }}>
              <div style={{ minWidth: 320 }}>
                <Typography.Text strong>修改前</Typography.Text>
                <Json value={entry.before} />
              </div>
              <div style={{ minWidth: 320 }}>
                <Typography.Text strong>修改后</Typography.Text>
                <Json value={entry.after} />
              </div>
            </Space>
          ),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 180, render: (ms: number) => formatCnTime(ms) },
          { title: '操作人', dataIndex: 'operator', width: 120 },
          { title: '操作', dataIndex: 'action', width: 80, render: (a: string) => <Tag>{ACTION_TEXT[a] ?? a}</Tag> },
          { title: '类型', dataIndex: 'kind', width: 100, render: (k: string) => KIND_TEXT[k] ?? k },
          { title: '对象', dataIndex: 'targetId', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          { title: '变更字段', key: 'changed', render: (_, entry) => changedFields(entry).join('、') || '—' },
        ]}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: log.data?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 条`, onChange: setPage }}
      />
    </Space>
  )
}
