/** Name a group and choose its tier (垂类群 also takes a topic); saving registers it. */
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd'
import { TIER_NAMES, validateGroupNaming } from '../../../core/membership'
import type { Group, GroupTier } from '../../../core/model'
import { upsertConfig } from '../client'
import { TIER_OPTIONS } from './TierChecks'
import { refuseFields, useSave } from './useSave'

interface Fields {
  name: string
  tier: GroupTier
  topic?: string
}

interface Props {
  group: Group
  onClose(): void
  onSaved(group: Group): void
}

export function GroupForm({ group, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Fields>()
  const tier = Form.useWatch('tier', form)
  const { saving, error, save } = useSave(form)
  const pending = group.status === 'pending'

  const send = async (fields: Fields) => {
    const naming = { name: fields.name, tier: fields.tier, ...(fields.tier === 'topic' ? { topic: fields.topic } : {}) }
    // The same rules the server applies, so the operator sees them before sending.
    const checked = validateGroupNaming(naming)
    if (!checked.ok) refuseFields(checked.errors)
    onSaved(await upsertConfig('groups', { _id: group._id, ...checked.value }, group.updatedAt))
  }

  return (
    <Modal open title={pending ? '命名并开通群' : '编辑群'} okText={pending ? '开通' : '保存'} cancelText="取消" onOk={() => save(send)} onCancel={onClose} confirmLoading={saving} destroyOnClose>
      <Typography.Paragraph type="secondary">
        群 ID：<Typography.Text code>{group._id}</Typography.Text>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" initialValues={{ name: group.name, tier: group.tier, topic: group.topic }}>
        <Form.Item label="群名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写群名称' }, { max: 30, message: '群名称最多 30 个字' }]}>
          <Input placeholder="如 龙井核心群" />
        </Form.Item>
        <Form.Item label="群类型" name="tier" rules={[{ required: true, message: '请选择群类型' }]}>
          <Radio.Group options={TIER_OPTIONS} optionType="button" />
        </Form.Item>
        {tier === 'topic' && (
          <Form.Item label="主题" name="topic" rules={[{ required: true, whitespace: true, message: `${TIER_NAMES.topic}请填写主题，如 科技` }, { max: 10, message: '主题最多 10 个字' }]}>
            <Input placeholder="如 科技" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
