/** 商品: the product table with 新建商品, 编辑 and 上架/下架. Prices are stored in fen and shown in yuan. */
import { Alert, App, Button, Image, Select, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { Product } from '../../../core/model'
import { messageOf, upsertConfig } from '../client'
import { displayable, formatYuan } from '../format'
import { ProductForm } from '../forms/ProductForm'
import { useCanWrite } from '../permissions'
import { useList } from '../useList'

const STATUS_TEXT = { listed: '上架中', unlisted: '已下架' } as const satisfies Record<Product['status'], string>

export function Products() {
  const { message } = App.useApp()
  const canWrite = useCanWrite()
  const [status, setStatus] = useState<Product['status'] | undefined>()
  const [editing, setEditing] = useState<Product | null | undefined>(undefined)
  const list = useList('products', { status })

  async function toggle(product: Product) {
    const next = product.status === 'listed' ? 'unlisted' : 'listed'
    try {
      // No stock in the change: listing leaves the stock to the orders.
      const { _id, title, subtitle, images, priceFen, sort, detail } = product
      await upsertConfig('products', { _id, title, subtitle, images, priceFen, sort, detail, status: next }, product.updatedAt)
      message.success(next === 'listed' ? '已上架' : '已下架')
      list.reload()
    } catch (error) {
      message.error(messageOf(error))
    }
  }

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
      render: (value: Product['status']) => <Tag color={value === 'listed' ? 'green' : 'default'}>{STATUS_TEXT[value]}</Tag>,
    },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_: unknown, product: Product) => (
              <Space>
                <Button type="link" size="small" onClick={() => setEditing(product)}>
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => void toggle(product)}>
                  {product.status === 'listed' ? '下架' : '上架'}
                </Button>
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
          <Button type="primary" onClick={() => setEditing(null)}>
            新建商品
          </Button>
        )}
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
        pagination={list.pager('件商品')}
      />
      {editing !== undefined && (
        <ProductForm
          product={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            message.success('已保存')
            setEditing(undefined)
            list.reload()
          }}
        />
      )}
    </Space>
  )
}
