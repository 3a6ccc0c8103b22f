export default definePageConfig({
  navigationBarTitleText: '群友好物',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
