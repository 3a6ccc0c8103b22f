/**
 * 数据概览: orders and GMV today and over the last 7 China days, members per group and
 * conversion (members with a paid order in 7 days / members).
 */
import { Alert, Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd'
import type { DayFigures, GroupFigures } from '../../api'
import { callAdmin } from '../client'
import { formatCnTime, formatPercent, formatYuan } from '../format'
import { useLoad } from '../useLoad'
import { tierText } from './Groups'

function Figures({ title, figures }: { title: string; figures: { orders: number; paidOrders: number; gmvFen: number; buyers: number } }) {
  return (
    <Card title={title} size="small">
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title="订单数" value={figures.orders} />
        </Col>
        <Col span={6}>
          <Statistic title="已支付" value={figures.paidOrders} />
        </Col>
        <Col span={6}>
          <Statistic title="GMV" value={formatYuan(figures.gmvFen)} />
        </Col>
        <Col span={6}>
          <Statistic title="下单群友" value={figures.buyers} />
        </Col>
      </Row>
    </Card>
  )
}

export function Overview() {
  const metrics = useLoad(() => callAdmin('metrics', {}), [])
  const data = metrics.data

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Button onClick={metrics.reload} loading={metrics.loading}>
          刷新
        </Button>
        {data && <Typography.Text type="secondary">统计于 {formatCnTime(data.serverNow)}（北京时间）；GMV 为已支付订单金额</Typography.Text>}
      </Space>
      {metrics.error && <Alert type="error" showIcon message={metrics.error} />}
      {data?.truncated && <Alert type="warning" showIcon message="近 7 日订单过多，数字只统计了前 10000 笔" />}
      {data && data.pendingGroups > 0 && (
        <Alert type="info" showIcon message={`有 ${data.pendingGroups} 个群等待命名开通`} action={<a href="#/groups">去开通</a>} />
      )}
      {data && (
        <>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Figures title="今日" figures={data.today} />
            </Col>
            <Col xs={24} lg={12}>
              <Figures title="近 7 日" figures={data.last7Days} />
            </Col>
          </Row>
          <Card title="每日" size="small">
            <Table<DayFigures>
              rowKey="day"
              size="small"
              pagination={false}
              dataSource={data.daily}
              columns={[
                { title: '日期', dataIndex: 'day' },
                { title: '订单数', dataIndex: 'orders', align: 'right' },
                { title: '已支付', dataIndex: 'paidOrders', align: 'right' },
                { title: 'GMV', dataIndex: 'gmvFen', align: 'right', render: (fen: number) => formatYuan(fen) },
                { title: '下单群友', dataIndex: 'buyers', align: 'right' },
              ]}
            />
          </Card>
          <Card title="各群群友与转化（近 7 日）" size="small">
            <Table<GroupFigures>
              rowKey="opengid"
              size="small"
              pagination={false}
              dataSource={data.groups}
              locale={{ emptyText: '还没有开通的群' }}
              columns={[
                { title: '群', dataIndex: 'name' },
                { title: '类型', key: 'tier', render: (_, g) => tierText(g) },
                { title: '群友', dataIndex: 'members', align: 'right' },
                { title: '下单群友', dataIndex: 'buyers', align: 'right' },
                { title: '转化率', dataIndex: 'conversion', align: 'right', render: (ratio: number) => formatPercent(ratio) },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  )
}
