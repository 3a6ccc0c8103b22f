/** 对账 result: for every sale, quantity == left + reserved + paid from the orders, nobody over the limit. */
import { Alert, Modal, Table, Tag, Typography } from 'antd'
import type { SaleTally } from '../../../core/flashReconcile'
import type { ReconcileOutput } from '../../api'
import { formatCnTime } from '../format'

export function Reconcile({ result, titles, onClose }: { result: ReconcileOutput; titles: ReadonlyMap<string, string>; onClose(): void }) {
  return (
    <Modal open title="秒杀对账" footer={null} onCancel={onClose} width={860}>
      <Alert
        type={result.clean ? 'success' : 'error'}
        showIcon
        message={result.clean ? `全部 ${result.sales.length} 场秒杀对账无误` : '发现不一致，请查看下方明细'}
        description={`核对于 ${formatCnTime(result.checkedAt)}：数量 = 剩余 + 待支付 + 已支付（按订单统计），且无人超过限购。`}
        style={{ marginBottom: 16 }}
      />
      <Table<SaleTally>
        rowKey="saleId"
        size="small"
        pagination={false}
        dataSource={result.sales}
        columns={[
          { title: '秒杀', dataIndex: 'saleId', render: (id: string) => titles.get(id) ?? id },
          { title: '数量', dataIndex: 'quantity', align: 'right' },
          { title: '剩余', dataIndex: 'left', align: 'right' },
          { title: '待支付', dataIndex: 'reservedOrders', align: 'right' },
          { title: '已支付', dataIndex: 'paidOrders', align: 'right' },
          { title: '买家', dataIndex: 'buyers', align: 'right' },
          {
            title: '结果',
            key: 'result',
            render: (_, tally) =>
              tally.discrepancies.length === 0 ? (
                <Tag color="green">一致</Tag>
              ) : (
                tally.discrepancies.map((d, i) => (
                  <div key={i}>
                    <Tag color="red">{d.kind}</Tag>
                    <Typography.Text style={{ fontSize: 12 }}>{d.detail}</Typography.Text>
                  </div>
                ))
              ),
          },
        ]}
      />
    </Modal>
  )
}
