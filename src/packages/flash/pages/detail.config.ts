export default definePageConfig({
  navigationBarTitleText: '限量秒杀',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
