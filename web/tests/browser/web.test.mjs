// Browser tests: Debian's Chromium, headless, driven by playwright-core,
// against a real techmarket server with the reference data and NASA's
// portfolio imported. Run with `node --test tests/browser/` after
// `npm run build`; paths come from the environment (see README.md).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startServer } from './server.mjs'

const webDir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)))
const repoDir = path.resolve(webDir, '..')
const binary = process.env.TECHMARKET_BINARY ?? path.join(repoDir, 'build', 'techmarket')
const sharedData = process.env.TECHMARKET_SHARED_DATA ?? path.resolve(repoDir, '..', 'shared', 'data')
const artifacts = process.env.BROWSER_ARTIFACTS ?? path.join(repoDir, 'build', 'browser-artifacts')
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium'

const accentedOffer = {
  kind: 'technology',
  title: 'Máy sấy nông sản bằng năng lượng mặt trời',
  summary: 'Sấy trái cây và dược liệu ở 45–60 °C, giữ màu và hương; công suất 500 kg mỗi mẻ.',
  status: 'published',
  price_vnd: 1234567,
  keywords: ['sấy', 'nông sản'],
  published_on: '2026-03-05',
}

let server
let browser
let needId

// Cookies of the test account's session, when the server has accounts.
let sessionCookies = []

function cookieValue(name) {
  return sessionCookies.find((cookie) => cookie.name === name)?.value
}

async function apiJson(method, urlPath, body) {
  const headers = body ? { 'Content-Type': 'application/json' } : {}
  if (sessionCookies.length > 0) {
    headers.Cookie = sessionCookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
    if (method !== 'GET') headers['X-CSRF-Token'] = cookieValue('tm_csrf')
  }
  const response = await fetch(`${server.baseUrl}${urlPath}`, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

async function countDrafts() {
  let count = 0
  let cursor = ''
  do {
    const page = await apiJson('GET', `/api/v1/offers?status=draft&limit=100${cursor ? `&cursor=${cursor}` : ''}`)
    count += page.body.items.length
    cursor = page.body.next_cursor ?? ''
  } while (cursor)
  return count
}

// Signs the test account in through the session route and keeps its cookies.
async function signIn() {
  const response = await fetch(`${server.baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(server.account),
  })
  assert.equal(response.status, 200, await response.text())
  sessionCookies = response.headers.getSetCookie().map((line) => {
    const [pair] = line.split(';')
    const separator = pair.indexOf('=')
    return { name: pair.slice(0, separator).trim(), value: pair.slice(separator + 1).trim() }
  })
  assert.ok(cookieValue('tm_csrf'), 'the session route sets tm_csrf')
}

// Opens a page, signed in with the test account's cookies when the server
// has accounts, so the forms send the session and its CSRF token.
async function newPage(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' })
  if (sessionCookies.length > 0) {
    await context.addCookies(
      sessionCookies.map((cookie) => ({ ...cookie, url: server.baseUrl })),
    )
  }
  return context.newPage()
}

async function searchFromHome(page, text) {
  await page.goto(`${server.baseUrl}/`)
  await page.getByLabel('Tìm công nghệ, nhu cầu').fill(text)
  await page.getByRole('button', { name: 'Tìm', exact: true }).click()
  await page.waitForURL(/\/search\?/)
  await page.locator('.total').waitFor()
}

before(async () => {
  mkdirSync(artifacts, { recursive: true })
  server = await startServer({ binary, sharedData, webDir: path.join(webDir, 'dist') })
  if (server.account) await signIn()
  const created = await apiJson('POST', '/api/v1/offers', accentedOffer)
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const need = await apiJson('POST', '/api/v1/needs', {
    title: 'Xử lý nước thải chế biến mủ cao su',
    problem: 'Nước thải có hàm lượng amoni cao, cần công nghệ xử lý đạt QCVN 01-MT:2015/BTNMT.',
    budget_min_vnd: 500000000,
    budget_max_vnd: 2000000000,
    deadline: '2027-06-30',
    status: 'published',
  })
  assert.equal(need.status, 201, JSON.stringify(need.body))
  needId = need.body.id
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  })
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

describe('search', () => {
  it('finds an accented offer from a query typed without diacritics', async () => {
    const page = await newPage()
    await searchFromHome(page, 'may say nong san')
    const hit = page.getByRole('link', { name: accentedOffer.title })
    await hit.waitFor()
    assert.match(page.url(), /q=may\+say\+nong\+san/)
    await hit.click()
    await page.getByRole('heading', { level: 1, name: accentedOffer.title }).waitFor()
    assert.ok(await page.getByText('1.234.567 ₫', { exact: true }).isVisible(), 'price shown as 1.234.567 ₫')
    assert.ok(await page.getByText('05/03/2026').isVisible(), 'date shown as dd/mm/yyyy')
    await page.context().close()
  })

  it('shows the results above the filters on a phone', async () => {
    const page = await newPage(390)
    await page.goto(`${server.baseUrl}/search?q=sensor`)
    const firstHit = page.locator('.hit').first()
    await firstHit.waitFor()
    const hitTop = (await firstHit.boundingBox()).y
    const filtersTop = (await page.locator('aside.facets').boundingBox()).y
    assert.ok(hitTop < filtersTop, `first result at ${hitTop} px, filters at ${filtersTop} px`)
    await page.context().close()
  })

  it('narrows results with a facet and keeps the state in the URL', async (t) => {
    const reply = await apiJson('GET', '/api/v1/search?q=sensor')
    if (!reply.body.facets) {
      t.skip('the search reply has no "facets" yet, so the page shows no facet to click')
      return
    }
    // A facet value that some but not all results have must narrow the list.
    const narrowing = Object.entries(reply.body.facets)
      .flatMap(([name, values]) => values.map((value) => ({ name, ...value })))
      .find((facet) => facet.count > 0 && facet.count < reply.body.total)
    assert.ok(narrowing, 'the reply has a facet value that narrows the results')
    const page = await newPage()
    await searchFromHome(page, 'sensor')
    const totalBefore = await page.locator('.total').textContent()
    const option = page.locator(
      `.facet-option[data-facet="${narrowing.name}"][data-value="${narrowing.value}"]`,
    )
    await option.click()
    await page.waitForURL(new RegExp(`[?&]${narrowing.name}=${encodeURIComponent(narrowing.value)}`))
    await page.waitForFunction(
      (before) => document.querySelector('.total')?.textContent !== before,
      totalBefore,
    )
    const totalAfter = await page.locator('.total').textContent()
    const expected = await apiJson(
      'GET',
      `/api/v1/search?q=sensor&${narrowing.name}=${encodeURIComponent(narrowing.value)}`,
    )
    assert.equal(expected.body.total, narrowing.count)
    assert.match(totalAfter, new RegExp(`\\b${narrowing.count.toLocaleString('de-DE')}\\b`))

    // The URL alone brings back the same filtered results.
    const shared = page.url()
    const second = await newPage()
    await second.goto(shared)
    await second.locator('.total').waitFor()
    assert.equal(await second.locator('.total').textContent(), totalAfter)
    const pressed = second.locator(
      `.facet-option[data-facet="${narrowing.name}"][data-value="${narrowing.value}"]`,
    )
    assert.equal(await pressed.getAttribute('aria-pressed'), 'true')
    await page.context().close()
    await second.context().close()
  })
})

describe('offer form', () => {
  it('shows field errors for bad input and saves nothing', async () => {
    const draftsBefore = await countDrafts()
    const page = await newPage()
    await page.goto(`${server.baseUrl}/offers/new`)
    await page.getByLabel('Tiêu đề').fill('Thiết bị lọc nước')
    await page.getByLabel('Mức sẵn sàng công nghệ (1–9)').fill('12')
    await page.getByLabel('Giá (đồng)').fill('9,5')
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.getByText('Nhập số từ 1 đến 9.').waitFor()
    assert.ok(await page.getByText('Nhập số nguyên không âm, ví dụ 1.234.567.').isVisible())
    assert.equal(await page.locator('#offer-summary').getAttribute('aria-invalid'), 'true')
    assert.match(page.url(), /\/offers\/new$/)
    await page.screenshot({ path: path.join(artifacts, 'offer-form-errors-1280.png'), fullPage: true })

    // An owner id that does not exist passes the page's checks, so only the
    // server rejects it, and its message must appear beside the field.
    await page.getByLabel('Loại chào bán').selectOption('technology')
    await page.getByLabel('Mức sẵn sàng công nghệ (1–9)').fill('7')
    await page.getByLabel('Giá (đồng)').fill('')
    await page.getByLabel('Tóm tắt').fill('Lọc nước giếng khoan cho hộ gia đình.')
    await page.getByLabel('Mã tổ chức sở hữu').fill('999999')
    await page.getByRole('button', { name: 'Lưu' }).click()
    const ownerError = page.locator('#offer-owner-error')
    await ownerError.waitFor()
    assert.match(await ownerError.textContent(), /no organization has id 999999/)
    assert.match(page.url(), /\/offers\/new$/)
    assert.equal(await countDrafts(), draftsBefore, 'no offer was saved')
    await page.context().close()
  })

  it('creates an offer that search then finds', async () => {
    const page = await newPage()
    await page.goto(`${server.baseUrl}/offers/new`)
    await page.getByLabel('Loại chào bán').selectOption('equipment')
    await page.getByLabel('Tiêu đề').fill('Hệ thống tưới nhỏ giọt điều khiển từ xa')
    await page.getByLabel('Tóm tắt').fill('Tưới tiết kiệm nước cho vườn sầu riêng, điều khiển qua điện thoại.')
    await page.getByLabel('Giá (đồng)').fill('45.000.000')
    await page.getByLabel('Ngày công bố').fill('04/12/2026')
    await page.getByLabel('Trạng thái').selectOption('published')
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.waitForURL(/\/offers\/\d+$/)
    await page.getByRole('heading', { level: 1, name: 'Hệ thống tưới nhỏ giọt điều khiển từ xa' }).waitFor()
    assert.ok(await page.getByText('45.000.000 ₫', { exact: true }).isVisible())

    await searchFromHome(page, 'tuoi nho giot')
    await page.getByRole('link', { name: 'Hệ thống tưới nhỏ giọt điều khiển từ xa' }).waitFor()
    await page.context().close()
  })
})

describe('offer form fields used by matching', () => {
  it('saves and edits the matching fields', async () => {
    const provinces = await apiJson('GET', '/api/v1/provinces')
    assert.equal(provinces.status, 200, JSON.stringify(provinces.body))
    const tayNinh = provinces.body.items.find((province) => province.name.includes('Tây Ninh'))
    assert.ok(tayNinh, 'the 2025 map has Tây Ninh')
    const other = provinces.body.items.find((province) => province.code !== tayNinh.code)

    const page = await newPage()
    await page.goto(`${server.baseUrl}/offers/new`)
    const stField = page.getByLabel('Lĩnh vực KH&CN')
    const province = page.getByLabel('Tỉnh, thành phố')
    await page.locator('#offer-st-field option[value="4"]').waitFor({ state: 'attached' })
    await page.locator(`#offer-province option[value="${tayNinh.code}"]`).waitFor({ state: 'attached' })
    assert.equal(await stField.inputValue(), '')
    assert.equal(await province.inputValue(), '')
    assert.equal(await page.locator('#offer-ip-status option').count(), 6)

    await page.getByLabel('Loại chào bán').selectOption('technology')
    await page.getByLabel('Tiêu đề').fill('Chế phẩm vi sinh xử lý phụ phẩm mía')
    await page.getByLabel('Tóm tắt').fill('Ủ bã mía thành phân hữu cơ trong 30 ngày.')
    await stField.selectOption('4')
    await page.getByLabel('Mã phân loại IPC').fill('C05F; C12N 1/20')
    await page.getByLabel('Tình trạng sở hữu trí tuệ').selectOption('filed')
    await province.selectOption(tayNinh.code)
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.waitForURL(/\/offers\/\d+$/)
    const id = page.url().match(/\/offers\/(\d+)$/)[1]
    const saved = await apiJson('GET', `/api/v1/offers/${id}`)
    assert.equal(saved.status, 200, JSON.stringify(saved.body))
    assert.equal(saved.body.st_field, '4')
    assert.deepEqual(saved.body.ipc_codes, ['C05F', 'C12N 1/20'])
    assert.equal(saved.body.ip_status, 'filed')
    assert.equal(saved.body.province_code, tayNinh.code)

    // The edit page loads the stored values and saves changes and clears.
    await page.goto(`${server.baseUrl}/offers/${id}/edit`)
    await page.waitForFunction(() => document.querySelector('#offer-title')?.value !== '')
    await page.locator(`#offer-province option[value="${other.code}"]`).waitFor({ state: 'attached' })
    assert.equal(await stField.inputValue(), '4')
    assert.equal(await page.getByLabel('Mã phân loại IPC').inputValue(), 'C05F; C12N 1/20')
    assert.equal(await page.getByLabel('Tình trạng sở hữu trí tuệ').inputValue(), 'filed')
    assert.equal(await province.inputValue(), tayNinh.code)
    await province.selectOption(other.code)
    await page.getByLabel('Tình trạng sở hữu trí tuệ').selectOption('')
    await page.getByLabel('Mã phân loại IPC').fill('C05F')
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.waitForURL(/\/offers\/\d+$/)
    const edited = await apiJson('GET', `/api/v1/offers/${id}`)
    assert.equal(edited.body.province_code, other.code)
    assert.equal(edited.body.ip_status ?? null, null)
    assert.deepEqual(edited.body.ipc_codes, ['C05F'])
    assert.equal(edited.body.st_field, '4')
    await page.context().close()
  })

  it('rejects an invalid IPC code', async () => {
    const draftsBefore = await countDrafts()
    const page = await newPage()
    await page.goto(`${server.baseUrl}/offers/new`)
    await page.getByLabel('Loại chào bán').selectOption('technology')
    await page.getByLabel('Tiêu đề').fill('Máy bóc vỏ hạt điều')
    await page.getByLabel('Tóm tắt').fill('Bóc vỏ hạt điều thô, tỉ lệ nhân nguyên trên 90%.')
    await page.getByLabel('Mã phân loại IPC').fill('A23N; a23n 5/00')
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.getByText('"a23n 5/00" không phải mã IPC').waitFor()
    assert.equal(await page.locator('#offer-ipc').getAttribute('aria-invalid'), 'true')
    assert.match(page.url(), /\/offers\/new$/)
    assert.equal(await countDrafts(), draftsBefore, 'no offer was saved')
    await page.context().close()
  })
})

describe('need form', () => {
  it('rejects an invalid IPC code beside its field', async () => {
    const page = await newPage()
    await page.goto(`${server.baseUrl}/needs/new`)
    await page.getByLabel('Tiêu đề').fill('Bảo quản xoài sau thu hoạch')
    await page.getByLabel('Vấn đề cần giải quyết').fill('Xoài chín nhanh, hao hụt khi vận chuyển xa.')
    await page.getByLabel('Mã phân loại IPC').fill('A23B; a23l')
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.getByText('"a23l" không phải mã IPC').waitFor()
    assert.equal(await page.locator('#need-ipc').getAttribute('aria-invalid'), 'true')
    assert.match(page.url(), /\/needs\/new$/)
    await page.context().close()
  })

  it('saves the lowest TRL and IPC codes and shows them', async () => {
    const page = await newPage()
    await page.goto(`${server.baseUrl}/needs/new`)
    const trl = page.getByLabel('Mức sẵn sàng công nghệ tối thiểu (TRL)')
    // The select offers "no preference" and the nine levels of the TRL scale.
    await page.locator('#need-trl-min option[value="9"]').waitFor({ state: 'attached' })
    assert.equal(await trl.locator('option').count(), 10)
    assert.equal(await trl.inputValue(), '')
    await page.getByLabel('Tiêu đề').fill('Bảo quản xoài sau thu hoạch')
    await page.getByLabel('Vấn đề cần giải quyết').fill('Xoài chín nhanh, hao hụt khi vận chuyển xa.')
    await trl.selectOption('7')
    await page.getByLabel('Mã phân loại IPC').fill('A23B; A01B 1/00')
    const provinces = await apiJson('GET', '/api/v1/provinces')
    const tayNinh = provinces.body.items.find((province) => province.name.includes('Tây Ninh'))
    assert.ok(tayNinh, 'the 2025 map has Tây Ninh')
    await page.locator(`#need-province option[value="${tayNinh.code}"]`).waitFor({ state: 'attached' })
    await page.getByLabel('Tỉnh, thành phố').selectOption(tayNinh.code)
    await page.locator('#need-st-field option[value="4.1"]').waitFor({ state: 'attached' })
    await page.locator('#need-st-field').selectOption('4.1')
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.waitForURL(/\/needs\/\d+$/)
    await page.getByRole('heading', { level: 1, name: 'Bảo quản xoài sau thu hoạch' }).waitFor()
    assert.equal(await page.locator('dd[data-field="trl_min"]').textContent(), 'TRL 7')
    assert.equal(await page.locator('dd[data-field="ipc_codes"]').textContent(), 'A23B, A01B 1/00')

    const id = page.url().match(/\/needs\/(\d+)$/)[1]
    const saved = await apiJson('GET', `/api/v1/needs/${id}`)
    assert.equal(saved.body.trl_min, 7)
    assert.deepEqual(saved.body.ipc_codes, ['A23B', 'A01B 1/00'])
    assert.equal(saved.body.province_code, tayNinh.code)
    assert.equal(saved.body.st_field, '4.1')
    await page.screenshot({ path: path.join(artifacts, 'need-trl-ipc-1280.png'), fullPage: true })
    await page.context().close()
  })
})

describe('imports page', () => {
  it('lists every rejected row and saves nothing', async () => {
    const draftsBefore = await countDrafts()
    const page = await newPage()
    await page.goto(`${server.baseUrl}/admin/imports`)
    await page.getByLabel('Chào bán', { exact: true }).check()
    await page.getByLabel('Chỉ kiểm tra, không lưu').uncheck()
    const csv =
      'external_id,kind,title,summary,trl\n' +
      'web-001,technology,Máy ép viên nén mùn cưa,Ép mùn cưa thành viên nén đốt lò.,6\n' +
      'web-002,spaceship,Tàu vũ trụ,Không có loại này.,5\n' +
      'web-003,service,Tư vấn năng lượng,Kiểm toán năng lượng.,12\n'
    await page.getByLabel('Tệp dữ liệu').setInputFiles({
      name: 'offers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    })
    await page.getByRole('button', { name: 'Tải lên' }).click()
    const rows = page.locator('table.rejected tbody tr')
    await rows.first().waitFor()
    const lines = await rows.locator('td:first-child').allTextContents()
    assert.ok(lines.includes('3'), `line 3 is listed: ${lines}`)
    assert.ok(lines.includes('4'), `line 4 is listed: ${lines}`)
    assert.ok(!lines.includes('2'), 'the valid line 2 is not listed')
    assert.equal(await countDrafts(), draftsBefore)
    const search = await apiJson('GET', '/api/v1/search?q=vien+nen+mun+cua')
    assert.equal(search.body.total, 0, 'nothing from the file was saved')
    await page.screenshot({ path: path.join(artifacts, 'imports-rejected-1280.png'), fullPage: true })
    await page.context().close()
  })

  it('says when the saved records are drafts', async () => {
    const page = await newPage()
    await page.goto(`${server.baseUrl}/admin/imports`)
    await page.getByLabel('Chào bán', { exact: true }).check()
    await page.getByLabel('Chỉ kiểm tra, không lưu').uncheck()
    const csv =
      'external_id,kind,title,summary\n' +
      'web-draft-001,technology,Lò đốt trấu cải tiến,Đốt trấu lấy nhiệt sấy lúa.\n'
    await page.getByLabel('Tệp dữ liệu').setInputFiles({
      name: 'drafts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    })
    await page.getByRole('button', { name: 'Tải lên' }).click()
    const note = page.getByRole('note')
    await note.waitFor()
    assert.match(await note.textContent(), /1 bản ghi ở trạng thái nháp/)
    await page.context().close()
  })
})

describe('layout', () => {
  const pages = [
    ['home', '/'],
    ['search', '/search?q=may+say'],
    ['offer-new', '/offers/new'],
    ['need-new', '/needs/new'],
    ['reference', '/admin/reference'],
    ['imports', '/admin/imports'],
    ['sign-in', '/sign-in'],
  ]
  for (const width of [1280, 360]) {
    it(`renders the pages at ${width} px without sideways scrolling`, async () => {
      const page = await newPage(width)
      for (const [name, url] of pages) {
        await page.goto(`${server.baseUrl}${url}`)
        await page.locator('main h1').first().waitFor()
        await page.waitForLoadState('networkidle')
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        assert.ok(overflow <= 0, `${name} is ${overflow} px wider than ${width} px`)

        // Every form control has a label a screen reader can announce.
        const unlabelled = await page.evaluate(() =>
          [...document.querySelectorAll('input, select, textarea')]
            .filter((control) => control.labels.length === 0 && !control.getAttribute('aria-label'))
            .map((control) => control.id || control.name),
        )
        assert.deepEqual(unlabelled, [], `${name} has form controls without a label`)

        await page.screenshot({ path: path.join(artifacts, `${name}-${width}.png`), fullPage: true })
      }
      await page.goto(`${server.baseUrl}/needs/${needId}`)
      await page.getByText('500.000.000 ₫ – 2.000.000.000 ₫').waitFor()
      assert.ok(await page.getByText('30/06/2027').isVisible(), 'deadline shown as dd/mm/yyyy')
      await page.screenshot({ path: path.join(artifacts, `need-${width}.png`), fullPage: true })
      const organizations = await apiJson('GET', '/api/v1/organizations?sort=name&limit=1')
      await page.goto(`${server.baseUrl}/organizations/${organizations.body.items[0].id}`)
      await page.getByRole('heading', { level: 1, name: organizations.body.items[0].name }).waitFor()
      const listed = await page.locator('.record-list li').count()
      await page.getByRole('button', { name: 'Xem thêm chào bán' }).click()
      await page.waitForFunction((count) => document.querySelectorAll('.record-list li').length > count, listed)
      await page.screenshot({ path: path.join(artifacts, `organization-${width}.png`), fullPage: true })
      const offers = await apiJson('GET', '/api/v1/search?q=may+say+nong+san&limit=1')
      await page.goto(`${server.baseUrl}/offers/${offers.body.items[0].id}`)
      await page.locator('main h1').waitFor()
      await page.screenshot({ path: path.join(artifacts, `offer-${width}.png`), fullPage: true })
      await page.context().close()
    })
  }

  it('searches with the keyboard alone', async () => {
    const page = await newPage()
    await page.goto(`${server.baseUrl}/`)
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Chuyển đến nội dung chính')
    await page.locator('#home-search').focus()
    await page.keyboard.type('may say nong san')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/search\?q=/)
    const hit = page.getByRole('link', { name: accentedOffer.title })
    await hit.waitFor()
    await hit.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: accentedOffer.title }).waitFor()
    await page.context().close()
  })

  it('switches the interface to English and back', async () => {
    const page = await newPage()
    await page.goto(`${server.baseUrl}/`)
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Connecting technology supply and demand' }).waitFor()
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
    await page.getByRole('button', { name: 'Tiếng Việt' }).click()
    await page.getByRole('heading', { name: 'Kết nối cung và cầu công nghệ' }).waitFor()
    await page.context().close()
  })
})
