/** The sign-in form. Labels 用户名 / 密码 and the 登录 button are what browser tests use. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { AdminError, callAdmin } from '../client'
import { signedIn } from '../session'

interface Fields {
  username: string
  password: string
}

export function SignIn({ notice }: { notice: string | null }) {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit({ username, password }: Fields) {
    setSubmitting(true)
    setError(null)
    try {
      signedIn(await callAdmin('login', { username: username.trim(), password }))
    } catch (e) {
      setError(e instanceof AdminError ? e.message : '登录失败，请稍后重试')
      setSubmitting(false)
    }
  }

  return (
    <div style={{ minHeight: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          群友运营后台
        </Typography.Title>
        {(error ?? notice) && <Alert type={error ? 'error' : 'warning'} message={error ?? notice} showIcon style={{ marginBottom: 16 }} />}
        <Form<Fields> layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item
            label="用户名"
            name="username"
            rules={[
              { required: true, whitespace: true, message: '请输入用户名' },
              { max: 64, message: '用户名过长' },
            ]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[
              { required: true, message: '请输入密码' },
              { max: 256, message: '密码过长' },
            ]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  )
}
