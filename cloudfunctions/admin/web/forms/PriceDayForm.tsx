/**
 * Schedule or edit a member-price day: a date (or a weekly rule), products with member prices in
 * yuan and per-member limits, and qualifying tiers. Checked with the same `validatePriceDay` the
 * server runs, then saved; the server's field errors land on the same fields.
 */
import { Alert, DatePicker, Form, Input, Modal, Radio, Select, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMemo } from 'react'
import type { GroupTier, PriceDay, Product } from '../../../core/model'
import { validatePriceDay } from '../../../core/priceDayValidation'
import type { PriceDayConfig } from '../../api'
import { cnToday, dayFromPicker, pickerFromDay } from '../chinaTime'
import { upsertConfig } from '../client'
import { fenToYuanText, yuanToFen } from '../money'
import { newDocId } from './ids'
import { PriceDayItems } from './PriceDayItems'
import { requiredText } from './rules'
import type { NamePath } from './serverErrors'
import { TierChecks } from './TierChecks'
import { refuseFields, useSave } from './useSave'
import { WEEKDAY_OPTIONS } from './weekdays'

interface Fields {
  title: string
  ruleKind: 'date' | 'weekly'
  day?: Dayjs
  weekday?: number
  startDay?: Dayjs | null
  endDay?: Dayjs | null
  items: Array<{ productId?: string; memberPrice?: string; limitPerMember?: number }>
  tiers: GroupTier[]
  status: PriceDay['status']
}

/** Server path -> this form's field. */
function fieldOf(path: string): NamePath | null {
  const rule = /^rule\.(day|weekday|startDay|endDay)$/.exec(path)
  if (rule) return [rule[1]]
  const item = /^items\.(\d+)\.(productId|memberPriceFen|limitPerMember)$/.exec(path)
  if (item) return ['items', Number(item[1]), item[2] === 'memberPriceFen' ? 'memberPrice' : item[2]]
  return ['title', 'tiers', 'status'].includes(path) ? [path] : null
}

function initialFields(priceDay: PriceDay | null, day: string | undefined): Fields {
  if (!priceDay) {
    return { title: '群友价日', ruleKind: 'date', day: pickerFromDay(day ?? cnToday()), items: [{ limitPerMember: 2 }], tiers: ['core', 'ordinary', 'topic', 'like'], status: 'active' }
  }
  const { rule } = priceDay
  return {
    title: priceDay.title,
    ruleKind: rule.kind,
    ...(rule.kind === 'date'
      ? { day: pickerFromDay(rule.day) }
      : { weekday: rule.weekday, startDay: rule.startDay ? pickerFromDay(rule.startDay) : null, endDay: rule.endDay ? pickerFromDay(rule.endDay) : null }),
    items: priceDay.items.map((it) => ({ productId: it.productId, memberPrice: fenToYuanText(it.memberPriceFen), limitPerMember: it.limitPerMember })),
    tiers: priceDay.tiers,
    status: priceDay.status,
  }
}

function toConfig(fields: Fields, id: string): PriceDayConfig {
  const rule: PriceDayConfig['rule'] =
    fields.ruleKind === 'date'
      ? { kind: 'date', day: fields.day ? dayFromPicker(fields.day) : '' }
      : {
          kind: 'weekly',
          weekday: fields.weekday as number,
          ...(fields.startDay ? { startDay: dayFromPicker(fields.startDay) } : {}),
          ...(fields.endDay ? { endDay: dayFromPicker(fields.endDay) } : {}),
        }
  return {
    _id: id,
    title: fields.title.trim(),
    rule,
    items: fields.items.map((it) => ({ productId: it.productId as string, memberPriceFen: yuanToFen(it.memberPrice ?? '') ?? -1, limitPerMember: it.limitPerMember as number })),
    tiers: fields.tiers,
    status: fields.status,
  }
}

interface Props {
  priceDay: PriceDay | null
  /** For a new price day: the calendar date it was opened from. */
  day?: string
  products: readonly Product[]
  onClose(): void
  onSaved(priceDay: PriceDay): void
}

export function PriceDayForm({ priceDay, day, products, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Fields>()
  const ruleKind = Form.useWatch('ruleKind', form) ?? priceDay?.rule.kind ?? 'date'
  const { saving, error, save } = useSave(form, fieldOf)
  const id = useMemo(() => priceDay?._id ?? newDocId('pd'), [priceDay])
  const today = cnToday()

  const send = async (fields: Fields) => {
    const config = toConfig(fields, id)
    const { _id: _ignored, ...input } = config
    const checked = validatePriceDay(input, products, Date.now())
    if (!checked.ok) refuseFields(checked.errors)
    onSaved(await upsertConfig('priceDays', config, priceDay?.updatedAt))
  }

  return (
    <Modal open title={priceDay ? '编辑群友价日' : '新建群友价日'} okText="保存" cancelText="取消" onOk={() => save(send)} onCancel={onClose} confirmLoading={saving} width={760} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" initialValues={initialFields(priceDay, day)}>
        <Form.Item label="标题" name="title" rules={requiredText('标题', 30)}>
          <Input placeholder="如 周三群友价日" />
        </Form.Item>
        <Form.Item label="日期方式" name="ruleKind">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'date', label: '按日期' },
              { value: 'weekly', label: '每周' },
            ]}
          />
        </Form.Item>
        {ruleKind === 'date' ? (
          <Form.Item label="日期" name="day" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker aria-label="日期" disabledDate={(d) => dayFromPicker(d) < today} />
          </Form.Item>
        ) : (
          <Space wrap align="start">
            <Form.Item label="每周" name="weekday" rules={[{ required: true, message: '请选择星期' }]}>
              <Select aria-label="每周" style={{ width: 120 }} options={WEEKDAY_OPTIONS} placeholder="星期几" />
            </Form.Item>
            <Form.Item label="开始日期（可选）" name="startDay">
              <DatePicker aria-label="开始日期" />
            </Form.Item>
            <Form.Item
              label="结束日期（可选）"
              name="endDay"
              dependencies={['startDay']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, end: Dayjs | null | undefined) => {
                    const start = getFieldValue('startDay') as Dayjs | null | undefined
                    if (start && end && dayFromPicker(end) < dayFromPicker(start)) throw new Error('结束日期不能早于开始日期')
                  },
                }),
              ]}
            >
              <DatePicker aria-label="结束日期" />
            </Form.Item>
          </Space>
        )}
        <PriceDayItems form={form} products={products} />
        <Form.Item label="参与群类型" name="tiers" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一种群类型' }]} style={{ marginTop: 16 }}>
          <TierChecks />
        </Form.Item>
        {priceDay && (
          <Form.Item label="状态" name="status">
            <Radio.Group
              options={[
                { value: 'active', label: '生效' },
                { value: 'archived', label: '已归档' },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
