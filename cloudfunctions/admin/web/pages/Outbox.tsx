/** 订阅消息: what the local cloud "sent" through subscribeMessage.send (the local outbox), newest first. */
import { Alert, Space, Table, Typography } from 'antd'
import type { OutboxMessage } from '../../../core/model'
import { formatCnTime } from '../format'
import { useList } from '../useList'

export function Outbox() {
  const list = useList('outbox', {})
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">本地云不连接微信，开播与秒杀提醒等订阅消息会记录在这里；正式环境由微信发送到群友的服务通知。</Typography.Text>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<OutboxMessage>
        rowKey="_id"
        loading={list.loading}
        dataSource={list.items}
        columns={[
          { title: '发送时间', dataIndex: 'sentAt', width: 180, render: (ms: number) => formatCnTime(ms) },
          { title: '接收人', dataIndex: 'touser', width: 160, render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          { title: '模板', dataIndex: 'templateId', width: 160 },
          { title: '页面', dataIndex: 'page', render: (page: string) => <Typography.Text code>{page}</Typography.Text> },
          {
            title: '内容',
            dataIndex: 'data',
            render: (data: OutboxMessage['data']) =>
              Object.entries(data)
                .map(([key, { value }]) => `${key}: ${value}`)
                .join('；'),
          },
        ]}
        pagination={list.pager('条')}
      />
    </Space>
  )
}
