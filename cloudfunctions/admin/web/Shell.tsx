/** The signed-in layout: side menu of sections, header with the operator and 退出登录. */
import { Button, Layout, Menu, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { OperatorView } from '../api'
import { sections } from './pages'
import { signOut } from './session'

const ROLE_TEXT = { owner: '所有者', operator: '运营', viewer: '只读' } as const satisfies Record<OperatorView['role'], string>

function sectionFromHash(): string {
  const key = window.location.hash.replace(/^#\/?/, '')
  return sections.some((s) => s.key === key) ? key : sections[0].key
}

export function Shell({ operator }: { operator: OperatorView }) {
  const [active, setActive] = useState(sectionFromHash)

  useEffect(() => {
    const follow = () => setActive(sectionFromHash())
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [])

  const section = sections.find((s) => s.key === active) ?? sections[0]

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Sider width={200} theme="dark">
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '20px 24px' }}>群友运营后台</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[section.key]}
          items={sections.map((s) => ({ key: s.key, label: s.label }))}
          onClick={({ key }) => {
            window.location.hash = `#/${key}`
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {section.label}
          </Typography.Title>
          <Space>
            <Typography.Text>
              {operator.username}（{ROLE_TEXT[operator.role]}）
            </Typography.Text>
            <Button onClick={() => signOut()}>退出登录</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24, padding: 24, background: '#fff', borderRadius: 8 }}>{section.render()}</Layout.Content>
      </Layout>
    </Layout>
  )
}
