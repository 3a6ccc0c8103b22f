export default definePageConfig({
  navigationBarTitleText: '全部商品',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
