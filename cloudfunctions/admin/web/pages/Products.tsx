/** 商品: the read-only product table. Prices are stored in fen and shown in yuan. */
import { Alert, Image, Select, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { Product } from '../../../core/model'
import { formatYuan } from '../format'
import { useList } from '../useList'

const STATUS_TEXT = { listed: '上架中', unlisted: '已下架' } as const satisfies Record<Product['status'], string>

// Cloud fileIDs (cloud://) need a temporary URL before a browser can show them (issue 3).
const displayable = (src: string | undefined) => !!src && /^(https?:)?\//.test(src)

const columns: ColumnsType<Product> = [
  {
    title: '封面',
    dataIndex: 'images',
    width: 80,
    render: (images: string[]) =>
      displayable(images[0]) ? <Image src={images[0]} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} /> : '—',
  },
  {
    title: '商品',
    dataIndex: 'title',
    render: (title: string, product) => (
      <div>
        <div>{title}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {product.subtitle}
        </Typography.Text>
      </div>
    ),
  },
  { title: '价格', dataIndex: 'priceFen', width: 120, align: 'right', render: (fen: number) => formatYuan(fen) },
  { title: '库存', dataIndex: 'stock', width: 90, align: 'right' },
  { title: '已售', dataIndex: 'sold', width: 90, align: 'right' },
  {
    title: '状态',
    dataIndex: 'status',
    width: 100,
    render: (status: Product['status']) => <Tag color={status === 'listed' ? 'green' : 'default'}>{STATUS_TEXT[status]}</Tag>,
  },
]

export function Products() {
  const [status, setStatus] = useState<Product['status'] | undefined>()
  const list = useList('products', { status })

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select<Product['status']>
          aria-label="商品状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(STATUS_TEXT).map(([value, label]) => ({ value: value as Product['status'], label }))}
        />
      </Space>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<Product>
        rowKey="_id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: list.total,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 件商品`,
          onChange: list.setPage,
        }}
      />
    </Space>
  )
}
