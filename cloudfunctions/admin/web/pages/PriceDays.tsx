/**
 * 群友价日: a calendar of the days price days run (China dates), a click on a coming date opens
 * the form for that date, and a table of every price day with edit / archive / delete.
 */
import { Alert, App, Button, Calendar, Space, Table, Tag, Typography } from 'antd'
import { DangerLink } from '../DangerLink'
import type { ColumnsType } from 'antd/es/table'
import type { Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { TIER_NAMES } from '../../../core/membership'
import type { PriceDay, Product } from '../../../core/model'
import { runsOn } from '../../../core/priceDay'
import { cnToday, dayFromPicker } from '../chinaTime'
import { allOf, messageOf, removeConfig } from '../client'
import { PriceDayForm } from '../forms/PriceDayForm'
import { useCanWrite } from '../permissions'
import { useLoad } from '../useLoad'
import { itemsText, ruleText } from './priceDayText'

type Editing = { priceDay: PriceDay | null; day?: string }

export function PriceDays() {
  const { message } = App.useApp()
  const canWrite = useCanWrite()
  const [editing, setEditing] = useState<Editing | null>(null)
  const data = useLoad(async () => {
    const [priceDays, products] = await Promise.all([allOf('priceDays', {}), allOf('products', {})])
    return { priceDays, products }
  }, [])
  const priceDays = useMemo(() => data.data?.priceDays ?? [], [data.data])
  const products = useMemo(() => data.data?.products ?? [], [data.data])
  const productById = useMemo(() => new Map<string, Product>(products.map((p) => [p._id, p])), [products])
  const today = cnToday()

  async function drop(priceDay: PriceDay) {
    try {
      await removeConfig('priceDays', priceDay._id)
      message.success('已删除')
      data.reload()
    } catch (error) {
      message.error(messageOf(error))
    }
  }

  function dateCell(date: Dayjs) {
    const day = dayFromPicker(date)
    const running = priceDays.filter((p) => runsOn(p, day))
    if (running.length === 0) return null
    return (
      <Space direction="vertical" size={2} data-day={day}>
        {running.map((p) => (
          <Tag key={p._id} color={day < today ? 'default' : 'magenta'} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
            {p.title}
          </Tag>
        ))}
      </Space>
    )
  }

  const columns: ColumnsType<PriceDay> = [
    { title: '标题', dataIndex: 'title' },
    { title: '日期', dataIndex: 'rule', width: 220, render: (rule: PriceDay['rule']) => ruleText(rule) },
    {
      title: '商品与群友价',
      key: 'items',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          {itemsText(p, productById).map((line) => (
            <Typography.Text key={line} style={{ fontSize: 13 }}>
              {line}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    { title: '参与群类型', dataIndex: 'tiers', width: 200, render: (tiers: PriceDay['tiers']) => tiers.map((t) => <Tag key={t}>{TIER_NAMES[t]}</Tag>) },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: PriceDay['status']) => (s === 'active' ? <Tag color="green">生效</Tag> : <Tag>已归档</Tag>) },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_: unknown, p: PriceDay) => (
              <Space>
                <Button type="link" size="small" onClick={() => setEditing({ priceDay: p })}>
                  编辑
                </Button>
                <DangerLink label="删除" question="删除这个群友价日？" onConfirm={() => drop(p)} />
              </Space>
            ),
          },
        ]
      : []),
  ]

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {canWrite && (
          <Button type="primary" onClick={() => setEditing({ priceDay: null })}>
            新建群友价日
          </Button>
        )}
        <Typography.Text type="secondary">日期均为北京时间；点击日历上今天或之后的日期可直接为该日安排群友价日。</Typography.Text>
      </Space>
      {data.error && <Alert type="error" showIcon message={data.error} />}
      <div aria-label="群友价日日历">
        <Calendar
          cellRender={(date, info) => (info.type === 'date' ? dateCell(date) : info.originNode)}
          onSelect={(date, info) => {
            if (info.source === 'date' && canWrite && dayFromPicker(date) >= today) setEditing({ priceDay: null, day: dayFromPicker(date) })
          }}
        />
      </div>
      <Table<PriceDay> rowKey="_id" columns={columns} dataSource={priceDays} loading={data.loading} pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个群友价日` }} />
      {editing && (
        <PriceDayForm
          priceDay={editing.priceDay}
          day={editing.day}
          products={products}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success('已保存')
            setEditing(null)
            data.reload()
          }}
        />
      )}
    </Space>
  )
}
