/**
 * Create or edit a product in a modal. The price is typed in yuan and saved in fen; stock is a
 * whole number >= 0; pictures are uploaded first. The server checks everything again. An edit
 * sends the stock the form loaded with the stock typed, so the server applies only the change
 * and orders placed while the form was open are not undone.
 */
import { Alert, Form, Input, InputNumber, Modal, Radio } from 'antd'
import { useMemo } from 'react'
import type { Product } from '../../../core/model'
import type { ProductInput } from '../../api'
import { PRODUCT_MAX_PRICE_FEN, PRODUCT_MAX_STOCK } from '../../api'
import { upsertConfig } from '../client'
import { fenToYuanText, yuanToFen } from '../money'
import { ImageUpload } from './ImageUpload'
import { requiredText, wholeNumberRules, yuanRules } from './rules'
import type { NamePath } from './serverErrors'
import { useSave } from './useSave'
import { YuanInput } from './YuanInput'
import { newDocId } from './ids'

interface Fields {
  title: string
  subtitle: string
  images: string[]
  price: string
  stock: number
  sort: number
  status: Product['status']
  detail: string
}

/** Where the server's field errors go on this form: the stock change fields show on 库存. */
function fieldOf(path: string): NamePath {
  if (path === 'priceFen') return ['price']
  if (path === 'loadedStock' || path === 'stockDelta') return ['stock']
  return path.split('.').slice(0, 1)
}

interface Props {
  /** The product being edited; null to create one. */
  product: Product | null
  onClose(): void
  onSaved(product: Product): void
}

export function ProductForm({ product, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Fields>()
  const { saving, error, save } = useSave(form, fieldOf)
  // Chosen once per form, so a save retried after a lost answer creates one product, not two.
  const id = useMemo(() => product?._id ?? newDocId('p'), [product])

  const initial: Fields = product
    ? { ...product, price: fenToYuanText(product.priceFen) }
    : { title: '', subtitle: '', images: [], price: '', stock: 0, sort: 0, status: 'listed', detail: '' }

  const send = async ({ price, ...rest }: Fields) => {
    const doc: ProductInput = {
      ...rest,
      ...(product ? { loadedStock: product.stock } : {}),
      _id: id,
      priceFen: yuanToFen(price) as number,
      subtitle: rest.subtitle ?? '',
      detail: rest.detail ?? '',
    }
    onSaved(await upsertConfig('products', doc, product?.updatedAt))
  }

  return (
    <Modal open title={product ? '编辑商品' : '新建商品'} okText="保存" cancelText="取消" onOk={() => save(send)} onCancel={onClose} confirmLoading={saving} width={640} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" initialValues={initial} requiredMark>
        <Form.Item label="商品名称" name="title" rules={requiredText('商品名称', 40)}>
          <Input />
        </Form.Item>
        <Form.Item label="副标题" name="subtitle" rules={[{ max: 60, message: '副标题最多 60 个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="商品图片" name="images" extra="第一张为封面；PNG、JPEG、GIF、WebP" rules={[{ required: true, type: 'array', min: 1, message: '请上传至少一张商品图片' }]}>
          <ImageUpload />
        </Form.Item>
        <Form.Item label="价格（元）" name="price" rules={yuanRules('价格', { maxFen: PRODUCT_MAX_PRICE_FEN })}>
          <YuanInput style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label="库存"
          name="stock"
          extra={product ? `打开时库存 ${product.stock} 件；保存时只计入改动的数量，期间的新订单不会被覆盖` : undefined}
          rules={wholeNumberRules('库存', 0, PRODUCT_MAX_STOCK)}
        >
          <InputNumber style={{ width: 200 }} precision={0} />
        </Form.Item>
        <Form.Item label="排序" name="sort" extra="数字小的排在前面" rules={wholeNumberRules('排序', 0, 1_000_000)}>
          <InputNumber style={{ width: 200 }} precision={0} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Radio.Group
            options={[
              { value: 'listed', label: '上架' },
              { value: 'unlisted', label: '下架' },
            ]}
          />
        </Form.Item>
        <Form.Item label="详情" name="detail" rules={[{ max: 2000, message: '详情最多 2000 个字' }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
