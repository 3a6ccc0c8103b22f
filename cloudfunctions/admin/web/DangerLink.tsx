/** A red table-row link that asks before it does something that cannot be undone. */
import { Button, Popconfirm } from 'antd'

export function DangerLink(props: { label: string; question: string; onConfirm(): void | Promise<unknown> }) {
  return (
    <Popconfirm title={props.question} okText={props.label} cancelText="取消" onConfirm={() => props.onConfirm()}>
      <Button type="link" size="small" danger>
        {props.label}
      </Button>
    </Popconfirm>
  )
}
