/** Console entry: Chinese locale for antd and dayjs, then the app. */
import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import 'dayjs/locale/zh-cn'
import dayjs from 'dayjs'
import { createRoot } from 'react-dom/client'
import { App } from './App'

dayjs.locale('zh-cn')

createRoot(document.getElementById('root') as HTMLElement).render(
  // No auto space between two Chinese characters: buttons read 登录, not 登 录, for people and tests.
  <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
    <AntApp style={{ height: '100%' }}>
      <App />
    </AntApp>
  </ConfigProvider>,
)
