/**
 * Schedule or edit a flash sale: product, flash price (yuan, below the list price), quantity,
 * per-member limit, tiers, start and end (China time). Checked with the same `validateFlashSale`
 * the server runs (which also refuses an overlapping sale of the same product).
 */
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { FLASH_LIMIT_MAX, FLASH_QUANTITY_MAX, FLASH_TITLE_MAX, validateFlashSale, type FlashSaleInput } from '../../../core/flashValidation'
import type { FlashSale, GroupTier, Product } from '../../../core/model'
import { msFromPicker, pickerFromMs } from '../chinaTime'
import { upsertConfig } from '../client'
import { formatYuan } from '../format'
import { fenToYuanText, yuanToFen } from '../money'
import { newDocId } from './ids'
import { recheckIfTouched, requiredText, wholeNumberRules, yuanRules } from './rules'
import type { NamePath } from './serverErrors'
import { TierChecks } from './TierChecks'
import { refuseFields, useSave } from './useSave'

interface Fields {
  productId?: string
  title: string
  flashPrice: string
  quantity?: number
  perMemberLimit: number
  tiers: GroupTier[]
  startAt?: Dayjs
  endAt?: Dayjs
}

const fieldOf = (path: string): NamePath => [path === 'flashPriceFen' ? 'flashPrice' : path.split('.')[0]]

interface Props {
  sale: FlashSale | null
  products: readonly Product[]
  /** Every sale loaded, for the overlap check. */
  sales: readonly FlashSale[]
  onClose(): void
  onSaved(sale: FlashSale): void
}

export function FlashSaleForm({ sale, products, sales, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Fields>()
  const { saving, error, save } = useSave(form, fieldOf)
  const id = useMemo(() => sale?._id ?? newDocId('fs'), [sale])
  const productId = Form.useWatch('productId', form)
  const byId = useMemo(() => new Map(products.map((p) => [p._id, p])), [products])
  const product = productId ? byId.get(productId) : undefined
  // The product chosen as the check runs, from the form itself: the watched one above is a render
  // behind, so a price typed right after picking the product would be checked against none.
  const listPrice = () => byId.get(form.getFieldValue('productId') as string)?.priceFen
  const started = sale !== null && sale.startAt <= Date.now()

  const initial: Fields = sale
    ? { ...sale, flashPrice: fenToYuanText(sale.flashPriceFen), startAt: pickerFromMs(sale.startAt), endAt: pickerFromMs(sale.endAt) }
    : { title: '', flashPrice: '', perMemberLimit: 1, tiers: [] }

  const send = async (fields: Fields) => {
    const input: FlashSaleInput = {
      _id: id,
      productId: fields.productId as string,
      title: fields.title.trim(),
      flashPriceFen: yuanToFen(fields.flashPrice) ?? -1,
      quantity: fields.quantity as number,
      perMemberLimit: fields.perMemberLimit,
      tiers: fields.tiers ?? [],
      startAt: fields.startAt ? msFromPicker(fields.startAt) : 0,
      endAt: fields.endAt ? msFromPicker(fields.endAt) : 0,
    }
    const errors = validateFlashSale(input, byId.get(input.productId) ?? null, sales)
    if (Object.keys(errors).length > 0) refuseFields(errors)
    onSaved(await upsertConfig('flashSales', input, sale?.updatedAt))
  }

  return (
    <Modal open title={sale ? '编辑秒杀' : '新建秒杀'} okText="保存" cancelText="取消" onOk={() => save(send)} onCancel={onClose} confirmLoading={saving} width={640} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {started && <Alert type="warning" showIcon message="秒杀已开始：修改会立即生效，数量不能少于已下单的件数" style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" initialValues={initial}>
        <Form.Item label="商品" name="productId" rules={[{ required: true, message: '请选择商品' }]}>
          <Select
            aria-label="商品"
            showSearch
            optionFilterProp="label"
            placeholder="选择商品"
            disabled={sale !== null && sale.reserved + sale.paid > 0}
            options={products.map((p) => ({ value: p._id, label: `${p.title}（原价 ${formatYuan(p.priceFen)}）` }))}
            onChange={(value: string) => {
              if (!form.getFieldValue('title')) form.setFieldValue('title', `${byId.get(value)?.title ?? ''} 限量秒杀`.slice(0, FLASH_TITLE_MAX))
              recheckIfTouched(form, ['flashPrice'])
            }}
          />
        </Form.Item>
        <Form.Item label="活动名称" name="title" rules={requiredText('活动名称', FLASH_TITLE_MAX)}>
          <Input />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item
            label="秒杀价（元）"
            name="flashPrice"
            extra={product ? `原价 ${formatYuan(product.priceFen)}` : undefined}
            rules={yuanRules('秒杀价', { belowFen: listPrice, belowText: '秒杀价需低于原价' })}
          >
            <Input prefix="¥" inputMode="decimal" placeholder="0.00" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="数量" name="quantity" rules={wholeNumberRules('数量', 1, FLASH_QUANTITY_MAX)}>
            <InputNumber precision={0} min={1} style={{ width: 140 }} addonAfter="件" />
          </Form.Item>
          <Form.Item label="每人限购" name="perMemberLimit" rules={wholeNumberRules('每人限购', 1, FLASH_LIMIT_MAX)}>
            <InputNumber precision={0} min={1} style={{ width: 120 }} addonAfter="件" />
          </Form.Item>
        </Space>
        <Form.Item label="参与群类型" name="tiers" extra="都不选：所有已开通群的群友都可参与">
          <TierChecks />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label="开始时间（北京时间）" name="startAt" rules={[{ required: true, message: '请选择开始时间' }]}>
            <DatePicker aria-label="开始时间" showTime={{ format: 'HH:mm:ss' }} format="YYYY-MM-DD HH:mm:ss" onChange={() => recheckIfTouched(form, ['endAt'])} />
          </Form.Item>
          <Form.Item
            label="结束时间（北京时间）"
            name="endAt"
            rules={[
              { required: true, message: '请选择结束时间' },
              ({ getFieldValue }) => ({
                validator: async (_rule, end: Dayjs | undefined) => {
                  const start = getFieldValue('startAt') as Dayjs | undefined
                  if (start && end && msFromPicker(end) <= msFromPicker(start)) throw new Error('结束时间需晚于开始时间')
                },
              }),
            ]}
          >
            <DatePicker aria-label="结束时间" showTime={{ format: 'HH:mm:ss' }} format="YYYY-MM-DD HH:mm:ss" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  )
}
