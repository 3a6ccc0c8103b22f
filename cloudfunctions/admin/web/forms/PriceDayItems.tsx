/** The products of a price day: each with its member price (yuan) and per-member limit. */
import { Button, Form, InputNumber, Select, Space, Typography, type FormInstance } from 'antd'
import type { Product } from '../../../core/model'
import { PRICE_DAY_MAX_ITEMS, PRICE_DAY_MAX_LIMIT } from '../../../core/priceDayValidation'
import { formatYuan } from '../format'
import { recheckIfTouched, wholeNumberRules, yuanRules } from './rules'
import { YuanInput } from './YuanInput'

interface Props {
  form: FormInstance
  products: readonly Product[]
}

export function PriceDayItems({ form, products }: Props) {
  const byId = new Map(products.map((p) => [p._id, p]))
  const options = products.map((p) => ({ value: p._id, label: `${p.title}（${formatYuan(p.priceFen)}）` }))

  return (
    <Form.List
      name="items"
      rules={[
        {
          validator: async (_rule, items: unknown[] | undefined) => {
            if (!items || items.length === 0) throw new Error('至少选择一个商品')
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => {
            const listPrice = () => byId.get(form.getFieldValue(['items', field.name, 'productId']) as string)?.priceFen
            return (
              <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item
                  name={[field.name, 'productId']}
                  label={index === 0 ? '商品' : undefined}
                  rules={[
                    { required: true, message: '请选择商品' },
                    {
                      validator: async (_rule, id: string | undefined) => {
                        const all = (form.getFieldValue('items') as Array<{ productId?: string }>).map((it) => it?.productId)
                        if (id && all.filter((other) => other === id).length > 1) throw new Error('同一商品只能出现一次')
                      },
                    },
                  ]}
                >
                  <Select
                    aria-label="商品"
                    showSearch
                    optionFilterProp="label"
                    placeholder="选择商品"
                    style={{ width: 280 }}
                    options={options}
                    onChange={() => recheckIfTouched(form, ['items', field.name, 'memberPrice'])}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'memberPrice']}
                  label={index === 0 ? '群友价（元）' : undefined}
                  rules={yuanRules('群友价', { belowFen: listPrice, belowText: '群友价需低于原价' })}
                >
                  <YuanInput aria-label="群友价（元）" style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'limitPerMember']} label={index === 0 ? '每人限购' : undefined} rules={wholeNumberRules('每人限购', 1, PRICE_DAY_MAX_LIMIT)}>
                  <InputNumber aria-label="每人限购" precision={0} min={1} style={{ width: 110 }} addonAfter="件" />
                </Form.Item>
                <Button type="link" danger onClick={() => remove(field.name)} style={{ marginTop: index === 0 ? 30 : 0 }}>
                  移除
                </Button>
              </Space>
            )
          })}
          {fields.length < PRICE_DAY_MAX_ITEMS && (
            <Button type="dashed" onClick={() => add({ limitPerMember: 2 })} style={{ marginBottom: 8 }}>
              添加商品
            </Button>
          )}
          <Form.ErrorList errors={errors} />
          {products.length === 0 && <Typography.Text type="secondary">还没有商品，请先在「商品」中创建。</Typography.Text>}
        </>
      )}
    </Form.List>
  )
}
