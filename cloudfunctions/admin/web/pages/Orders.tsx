/** 订单: the read-only order table, filtered by status, calendar day (+08:00) and group (its members' orders). */
import { Alert, Button, DatePicker, Select, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import type { Order, PriceSource } from '../../../core/model'
import { ORDER_STATUSES, ORDER_STATUS_TEXT, type OrderStatus } from '../../../core/order/status'
import { formatCnTime, formatYuan } from '../format'
import { allOf } from '../client'
import { useList } from '../useList'
import { useLoad } from '../useLoad'

const STATUS_COLOR = {
  pending: 'gold',
  paid: 'green',
  cancelled: 'default',
  expired: 'default',
  refunded: 'purple',
} as const satisfies Record<OrderStatus, string>

const SOURCE = { list: ['default', '原价'], priceDay: ['magenta', '群友价'], flash: ['red', '秒杀'] } as const satisfies Record<PriceSource, readonly [string, string]>

const columns: ColumnsType<Order> = [
  {
    title: '订单号',
    dataIndex: '_id',
    width: 200,
    render: (id: string) => (
      <Typography.Text code copyable={{ text: id }} ellipsis style={{ maxWidth: 180 }}>
        {id}
      </Typography.Text>
    ),
  },
  { title: '商品', dataIndex: 'title' },
  { title: '数量', dataIndex: 'qty', width: 70, align: 'right' },
  { title: '金额', dataIndex: 'totalFen', width: 110, align: 'right', render: (fen: number) => formatYuan(fen) },
  { title: '价格', dataIndex: 'priceSource', width: 90, render: (source: PriceSource) => <Tag color={SOURCE[source][0]}>{SOURCE[source][1]}</Tag> },
  {
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (status: OrderStatus) => <Tag color={STATUS_COLOR[status]}>{ORDER_STATUS_TEXT[status]}</Tag>,
  },
  { title: '下单时间', dataIndex: 'createdAt', width: 180, render: (ms: number) => formatCnTime(ms) },
]

export function Orders() {
  const [status, setStatus] = useState<OrderStatus | undefined>()
  const [day, setDay] = useState<Dayjs | null>(null)
  const [opengid, setOpengid] = useState<string | undefined>()
  const groups = useLoad(() => allOf('groups', { status: 'registered' }), [])
  // The picked calendar date is a China date as typed; the server applies the +08:00 bounds.
  const list = useList('orders', { status, day: day ? day.format('YYYY-MM-DD') : undefined, opengid })

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select<OrderStatus>
          aria-label="订单状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={ORDER_STATUSES.map((value) => ({ value, label: ORDER_STATUS_TEXT[value] }))}
        />
        <DatePicker aria-label="下单日期" placeholder="下单日期" value={day} onChange={setDay} />
        <Select<string>
          aria-label="群"
          placeholder="全部群"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          value={opengid}
          onChange={setOpengid}
          options={(groups.data ?? []).map((g) => ({ value: g._id, label: g.name }))}
        />
        <Button
          onClick={() => {
            setStatus(undefined)
            setDay(null)
            setOpengid(undefined)
          }}
        >
          重置
        </Button>
      </Space>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<Order>
        rowKey="_id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pager('笔订单')}
      />
    </Space>
  )
}
