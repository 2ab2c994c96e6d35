import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The development server sends API calls to a techmarket serve process on
// 127.0.0.1:8080; `npm run build` writes web/dist, which that process serves.
export default defineConfig({
  plugins: [vue()],
  define: {
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    target: 'es2020',
    sourcemap: false,
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
  },
})
