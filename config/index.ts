import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')
// The client imports the pure domain (contract types, error table, money, order status) from here.
const coreDir = path.join(root, 'cloudfunctions', 'core')

/**
 * One config for both targets: `dist/weapp` (opened by WeChat DevTools through the root
 * project.config.json) and `dist/h5` (served by the local cloud at `/`).
 * `TARO_APP_ID` (env or .env file) replaces the appid in the generated project.config.json;
 * `TARO_APP_CLOUD_ENV` is the cloud environment id `Taro.cloud.init` uses in weapp;
 * `TARO_APP_FLASH_TEMPLATE_ID` the subscribe-message template 提醒我 asks for.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'qunyou',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV || 'weapp'}`,
    plugins: [],
    alias: {
      '@core': coreDir,
      '@': path.join(root, 'src'),
    },
    // A .env file value for TARO_APP_CLOUD_ENV overrides this one (Taro merges .env after).
    env: {
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV || ''),
      TARO_APP_FLASH_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_FLASH_TEMPLATE_ID || ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [coreDir] },
      // Pages import components in different orders; the rules do not depend on it.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [coreDir] },
      router: { mode: 'browser' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
