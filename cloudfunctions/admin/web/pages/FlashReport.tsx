/** A sale afterwards: how fast it sold out, how much was paid for, and who bought by group. */
import { Alert, Col, Drawer, Row, Statistic, Table, Tag } from 'antd'
import type { FlashReport as Report } from '../../api'
import { callAdmin } from '../client'
import { formatDuration, formatPercent } from '../format'
import { useLoad } from '../useLoad'
import { STATE_TEXT } from './flashState'

export function FlashReport({ saleId, onClose }: { saleId: string; onClose(): void }) {
  const report = useLoad(() => callAdmin('flashReport', { saleId }), [saleId])
  const data = report.data
  return (
    <Drawer open width={640} title={data ? `复盘：${data.sale.title}` : '复盘'} onClose={onClose}>
      {report.error && <Alert type="error" showIcon message={report.error} />}
      {data && (
        <>
          <Tag color={STATE_TEXT[data.state][0]} style={{ marginBottom: 16 }}>
            {STATE_TEXT[data.state][1]}
          </Tag>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title="售罄用时" value={data.sellThroughMs === null ? '未售罄' : formatDuration(data.sellThroughMs)} />
            </Col>
            <Col span={8}>
              <Statistic title="支付率（件）" value={formatPercent(data.paidRate)} />
            </Col>
            <Col span={8}>
              <Statistic title="下单群友" value={data.buyers} />
            </Col>
            <Col span={8} style={{ marginTop: 16 }}>
              <Statistic title="下单件数" value={data.orderedUnits} />
            </Col>
            <Col span={8} style={{ marginTop: 16 }}>
              <Statistic title="已支付件数" value={data.paidUnits} />
            </Col>
            <Col span={8} style={{ marginTop: 16 }}>
              <Statistic title="不在任何群的买家" value={data.buyersWithoutGroup} />
            </Col>
          </Row>
          <Table<Report['buyersByGroup'][number]>
            style={{ marginTop: 24 }}
            rowKey="opengid"
            size="small"
            pagination={false}
            dataSource={data.buyersByGroup}
            locale={{ emptyText: '没有群友下单' }}
            columns={[
              { title: '群', dataIndex: 'name' },
              { title: '下单群友', dataIndex: 'buyers', align: 'right' },
              { title: '已支付件数', dataIndex: 'paidUnits', align: 'right' },
            ]}
          />
        </>
      )}
    </Drawer>
  )
}
