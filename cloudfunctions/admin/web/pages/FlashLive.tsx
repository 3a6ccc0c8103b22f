/**
 * A sale live, refreshed every 2 s: sold, reserved (unpaid), paid, left, orders per second, and
 * the kill switch, which stops the sale at once.
 */
import { Alert, App, Button, Col, Descriptions, Drawer, Popconfirm, Progress, Row, Statistic, Tag } from 'antd'
import type { FlashSale } from '../../../core/model'
import { callAdmin, messageOf } from '../client'
import { formatCnTime, formatYuan } from '../format'
import { useCanWrite } from '../permissions'
import { usePolling } from '../usePolling'
import { STATE_TEXT } from './flashState'

export const LIVE_REFRESH_MS = 2_000

export function FlashLive({ saleId, onClose, onChanged }: { saleId: string; onClose(): void; onChanged(sale: FlashSale): void }) {
  const { message } = App.useApp()
  const canWrite = useCanWrite()
  const live = usePolling(() => callAdmin('flashLive', { saleId }), LIVE_REFRESH_MS, saleId)
  const data = live.data

  async function stop() {
    try {
      const sale = await callAdmin('flashStop', { saleId })
      message.success('已停止，之后的抢购都会被拒绝')
      onChanged(sale)
      live.refresh()
    } catch (error) {
      message.error(messageOf(error))
    }
  }

  const stoppable = data && (data.state === 'upcoming' || data.state === 'running' || data.state === 'soldOut')

  return (
    <Drawer open width={640} title={data ? `实时：${data.sale.title}` : '实时'} onClose={onClose}>
      {live.error && <Alert type="error" showIcon message={live.error} style={{ marginBottom: 16 }} />}
      {data && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="状态">
              <Tag color={STATE_TEXT[data.state][0]}>{STATE_TEXT[data.state][1]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="秒杀价">{formatYuan(data.sale.flashPriceFen)}</Descriptions.Item>
            <Descriptions.Item label="开始">{formatCnTime(data.sale.startAt)}</Descriptions.Item>
            <Descriptions.Item label="结束">{formatCnTime(data.sale.endAt)}</Descriptions.Item>
            {data.sale.stoppedAt && <Descriptions.Item label="停止于">{formatCnTime(data.sale.stoppedAt)}</Descriptions.Item>}
            <Descriptions.Item label="刷新于">{formatCnTime(data.serverNow)}</Descriptions.Item>
          </Descriptions>
          <Progress percent={Math.round((data.sold / data.sale.quantity) * 1000) / 10} status={data.state === 'running' ? 'active' : 'normal'} style={{ marginBottom: 16 }} />
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title="已抢（含未支付）" value={data.sold} suffix={`/ ${data.sale.quantity}`} />
            </Col>
            <Col span={8}>
              <Statistic title="待支付" value={data.sale.reserved} />
            </Col>
            <Col span={8}>
              <Statistic title="已支付" value={data.sale.paid} />
            </Col>
            <Col span={8} style={{ marginTop: 16 }}>
              <Statistic title="剩余" value={data.sale.left} />
            </Col>
            <Col span={8} style={{ marginTop: 16 }}>
              <Statistic title="每秒订单（近 10 秒）" value={data.ordersPerSecond} precision={1} />
            </Col>
          </Row>
          {canWrite && stoppable && (
            <Popconfirm title="立即停止这场秒杀？停止后不能恢复。" okText="停止" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={stop}>
              <Button danger type="primary" size="large" style={{ marginTop: 24 }}>
                立即停止
              </Button>
            </Popconfirm>
          )}
        </>
      )}
    </Drawer>
  )
}
