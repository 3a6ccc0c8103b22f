/** @type {import('jest').Config} */
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx', isolatedModules: true } }],
}
const moduleNameMapper = {
  '^@core/(.*)$': '<rootDir>/cloudfunctions/core/$1',
  '^@/(.*)$': '<rootDir>/src/$1',
}

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/unit'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'functions',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/functions', '<rootDir>/test/platform'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'client',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/client'],
      transform,
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/test/client/mocks/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/client/mocks/components.tsx',
        '\\.(css|scss)$': '<rootDir>/test/client/mocks/style.ts',
        ...moduleNameMapper,
      },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      transform,
      moduleNameMapper,
    },
  ],
}
