// Measures what the home page downloads before it can render: the JavaScript
// and CSS that web/dist/index.html loads (module scripts, module preloads
// and stylesheets), compressed with gzip (level 9) and brotli (quality 11).
// Exits 1 when either total is over the budget.
//   node bench/web_page_weight.mjs [DIST_DIR] [BUDGET_KB]   (defaults: web/dist, 200)
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const distDir = path.resolve(process.argv[2] ?? 'web/dist')
const budgetKb = Number(process.argv[3] ?? 200)
const html = readFileSync(path.join(distDir, 'index.html'), 'utf8')

const pattern = /<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+\.(?:js|css))"/g
const files = [...new Set([...html.matchAll(pattern)].map((match) => match[1]))]
if (files.length === 0) {
  console.error(`no script or stylesheet found in ${distDir}/index.html`)
  process.exit(2)
}

const rows = files.map((file) => {
  const content = readFileSync(path.join(distDir, file.replace(/^\//, '')))
  return {
    file,
    raw: statSync(path.join(distDir, file.replace(/^\//, ''))).size,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  }
})

const kb = (bytes) => (bytes / 1024).toFixed(1)
console.log('file\traw KB\tgzip KB\tbrotli KB')
for (const row of rows) console.log(`${row.file}\t${kb(row.raw)}\t${kb(row.gzip)}\t${kb(row.brotli)}`)
const total = (key) => rows.reduce((sum, row) => sum + row[key], 0)
console.log(`total\t${kb(total('raw'))}\t${kb(total('gzip'))}\t${kb(total('brotli'))}`)

const over = total('gzip') > budgetKb * 1024 || total('brotli') > budgetKb * 1024
console.log(`budget ${budgetKb} KB compressed: ${over ? 'over' : 'within'}`)
process.exit(over ? 1 : 0)
