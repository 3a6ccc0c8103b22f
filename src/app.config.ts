export default defineAppConfig({
  // Tab pages only: the main package stays small; everything else is a subpackage.
  pages: ['pages/home/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/product', pages: ['pages/list', 'pages/detail'] },
    { root: 'packages/order', pages: ['pages/detail', 'pages/list'] },
    { root: 'packages/flash', pages: ['pages/list', 'pages/detail'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#FAF6F1',
    navigationBarBackgroundColor: '#FAF6F1',
    navigationBarTitleText: '群友',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8A7B70',
    selectedColor: '#E2553A',
    backgroundColor: '#FFFFFF',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab-me.png', selectedIconPath: 'assets/tab-me-on.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
