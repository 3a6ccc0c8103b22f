/**
 * 限量秒杀: every sale with its state and units; 新建秒杀 / 编辑, 实时 (live, every 2 s, with the
 * kill switch), 复盘 (afterwards), 删除 (no orders yet), and 对账 over every sale.
 */
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd'
import { DangerLink } from '../DangerLink'
import type { ColumnsType } from 'antd/es/table'
import { useMemo, useState } from 'react'
import { flashSaleState } from '../../../core/flashSale'
import { TIER_NAMES } from '../../../core/membership'
import type { FlashSale, Product } from '../../../core/model'
import type { ReconcileOutput } from '../../api'
import { allOf, callAdmin, messageOf, removeConfig } from '../client'
import { formatCnShort, formatYuan } from '../format'
import { FlashSaleForm } from '../forms/FlashSaleForm'
import { useCanWrite } from '../permissions'
import { useLoad } from '../useLoad'
import { FlashLive } from './FlashLive'
import { FlashReport } from './FlashReport'
import { STATE_TEXT } from './flashState'
import { Reconcile } from './Reconcile'

export function FlashSales() {
  const { message } = App.useApp()
  const canWrite = useCanWrite()
  const [editing, setEditing] = useState<FlashSale | null | undefined>(undefined)
  const [watching, setWatching] = useState<string | null>(null)
  const [reporting, setReporting] = useState<string | null>(null)
  const [reconciling, setReconciling] = useState(false)
  const [reconciled, setReconciled] = useState<ReconcileOutput | null>(null)
  const data = useLoad(async () => {
    const [sales, products] = await Promise.all([allOf('flashSales', {}), allOf('products', {})])
    return { sales, products }
  }, [])
  const sales = useMemo(() => data.data?.sales ?? [], [data.data])
  const products = useMemo(() => data.data?.products ?? [], [data.data])
  const productById = useMemo(() => new Map<string, Product>(products.map((p) => [p._id, p])), [products])
  const now = Date.now()

  async function drop(sale: FlashSale) {
    try {
      await removeConfig('flashSales', sale._id)
      message.success('已删除')
      data.reload()
    } catch (error) {
      message.error(messageOf(error))
    }
  }

  async function reconcile() {
    setReconciling(true)
    try {
      setReconciled(await callAdmin('flashReconcile', {}))
    } catch (error) {
      message.error(messageOf(error))
    } finally {
      setReconciling(false)
    }
  }

  const columns: ColumnsType<FlashSale> = [
    {
      title: '秒杀',
      dataIndex: 'title',
      render: (title: string, sale) => (
        <div>
          <div>{title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {productById.get(sale.productId)?.title ?? sale.productId}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '秒杀价',
      dataIndex: 'flashPriceFen',
      width: 140,
      render: (fen: number, sale) => {
        const list = productById.get(sale.productId)?.priceFen
        return (
          <span>
            {formatYuan(fen)}
            {list !== undefined && (
              <Typography.Text type="secondary" delete style={{ marginLeft: 6, fontSize: 12 }}>
                {formatYuan(list)}
              </Typography.Text>
            )}
          </span>
        )
      },
    },
    { title: '已抢 / 数量', key: 'units', width: 110, render: (_, s) => `${s.reserved + s.paid} / ${s.quantity}` },
    { title: '限购', dataIndex: 'perMemberLimit', width: 60, align: 'right' },
    { title: '群类型', dataIndex: 'tiers', width: 150, render: (tiers: FlashSale['tiers']) => (tiers.length === 0 ? '所有群' : tiers.map((t) => TIER_NAMES[t]).join('、')) },
    { title: '时间（北京时间）', key: 'time', width: 200, render: (_, s) => `${formatCnShort(s.startAt)} – ${formatCnShort(s.endAt)}` },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_, s) => {
        const [color, text] = STATE_TEXT[flashSaleState(s, now)]
        return <Tag color={color}>{text}</Tag>
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 240,
      render: (_, sale) => {
        const state = flashSaleState(sale, now)
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setWatching(sale._id)}>
              实时
            </Button>
            <Button type="link" size="small" onClick={() => setReporting(sale._id)}>
              复盘
            </Button>
            {canWrite && (state === 'upcoming' || state === 'running' || state === 'soldOut') && (
              <Button type="link" size="small" onClick={() => setEditing(sale)}>
                编辑
              </Button>
            )}
            {canWrite && sale.reserved + sale.paid === 0 && (
              <DangerLink label="删除" question="删除这场秒杀？" onConfirm={() => drop(sale)} />
            )}
          </Space>
        )
      },
    },
  ]

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {canWrite && (
          <Button type="primary" onClick={() => setEditing(null)}>
            新建秒杀
          </Button>
        )}
        <Button onClick={reconcile} loading={reconciling}>
          对账
        </Button>
        <Button onClick={data.reload}>刷新</Button>
      </Space>
      {data.error && <Alert type="error" showIcon message={data.error} />}
      <Table<FlashSale> rowKey="_id" columns={columns} dataSource={sales} loading={data.loading} pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 场秒杀` }} />
      {editing !== undefined && (
        <FlashSaleForm
          sale={editing}
          products={products}
          sales={sales}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            message.success('已保存')
            setEditing(undefined)
            data.reload()
          }}
        />
      )}
      {watching && <FlashLive saleId={watching} onClose={() => setWatching(null)} onChanged={data.reload} />}
      {reporting && <FlashReport saleId={reporting} onClose={() => setReporting(null)} />}
      {reconciled && <Reconcile result={reconciled} titles={new Map(sales.map((s) => [s._id, s.title]))} onClose={() => setReconciled(null)} />}
    </Space>
  )
}
