/**
 * The simulated WeChat Pay sheet (h5 on the local cloud only). `services/pay.ts` opens it through
 * the pay-sheet store; 确认支付 lets the local cloud complete the payment as WeChat would.
 */
import { Button, Text, View } from '@tarojs/components'
import { usePaySheet } from '@/stores/paySheet'
import { Price } from '../price'
import { Sheet } from '../sheet'
import './index.css'

export function PaySheet() {
  const request = usePaySheet((s) => s.request)
  const choose = usePaySheet((s) => s.choose)
  return (
    <Sheet open={request !== null} title='模拟微信支付' onClose={() => choose(false)}>
      {request ? (
        <View className='pay-sheet'>
          <Text className='pay-sheet__merchant'>群友小店 · {request.title}</Text>
          <Price fen={request.amountFen} size='lg' className='pay-sheet__amount' />
          <Text className='pay-sheet__note'>本地开发环境，不会产生真实扣款</Text>
          <Button className='btn pay-sheet__confirm' onClick={() => choose(true)}>
            确认支付
          </Button>
          <Button className='btn btn--ghost pay-sheet__cancel' onClick={() => choose(false)}>
            取消
          </Button>
        </View>
      ) : null}
    </Sheet>
  )
}

export default PaySheet
