// Browser tests of the market pages: the indicator dashboard, the
// transactions ledger, deals, matches and the inbox, in headless Chromium
// against a real techmarket server (see server.mjs). The routes behind
// these pages come from the ledger, deals and matching work, so each test
// skips itself, naming the route, while the server returns 404 for it.
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

let server
let browser
let sessionCookies = []
// Status of GET on each route the pages need, read once in before().
const routeStatus = {}

function cookieHeader() {
  return sessionCookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
}

async function apiRaw(method, urlPath, body) {
  const headers = body ? { 'Content-Type': 'application/json' } : {}
  if (sessionCookies.length > 0) {
    headers.Cookie = cookieHeader()
    if (method !== 'GET') headers['X-CSRF-Token'] = sessionCookies.find((c) => c.name === 'tm_csrf')?.value
  }
  return fetch(`${server.baseUrl}${urlPath}`, { method, headers, body: body ? JSON.stringify(body) : undefined })
}

async function apiJson(method, urlPath, body) {
  const response = await apiRaw(method, urlPath, body)
  const text = await response.text()
  let parsed = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = text
  }
  return { status: response.status, body: parsed }
}

// Reads every page of a list route.
async function listAll(urlPath) {
  const items = []
  let cursor = ''
  do {
    const separator = urlPath.includes('?') ? '&' : '?'
    const page = await apiJson('GET', `${urlPath}${separator}limit=100${cursor ? `&cursor=${cursor}` : ''}`)
    assert.equal(page.status, 200, `${urlPath}: ${JSON.stringify(page.body)}`)
    items.push(...page.body.items)
    cursor = page.body.next_cursor ?? ''
  } while (cursor)
  return items
}

// Signs `account` in through the session route and returns its cookies.
async function signIn(account) {
  const response = await fetch(`${server.baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  })
  assert.equal(response.status, 200, await response.text())
  return response.headers.getSetCookie().map((line) => {
    const [pair] = line.split(';')
    const separator = pair.indexOf('=')
    return { name: pair.slice(0, separator).trim(), value: pair.slice(separator + 1).trim() }
  })
}

async function newPage(width = 1280, cookies = sessionCookies) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' })
  if (cookies.length > 0) {
    await context.addCookies(cookies.map((cookie) => ({ ...cookie, url: server.baseUrl })))
  }
  return context.newPage()
}

// Skips test `t` with the reason when the server returns 404 for `route`.
function skipWithout(t, route) {
  if (routeStatus[route] === 404) {
    t.skip(`GET ${route} returned 404: this server does not have that route yet`)
    return true
  }
  return false
}

// The page's formats: 1.234.567 ₫ (no-break space) and dd/mm/yyyy.
function money(value) {
  return `${String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}\u00a0₫`
}

function shownDate(iso) {
  const [year, month, day] = iso.slice(0, 10).split('-')
  return `${day}/${month}/${year}`
}

async function assertNoSidewaysScroll(page, name, width) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `${name} is ${overflow} px wider than ${width} px`)
}

let needId
let offerId
// Cookies of a member of the need's organization, for expressions of interest.
let memberCookies = []

before(async () => {
  mkdirSync(artifacts, { recursive: true })
  server = await startServer({ binary, sharedData, webDir: path.join(webDir, 'dist') })
  if (server.account) sessionCookies = await signIn(server.account)
  // An expression of interest needs records owned by organizations and a
  // caller who belongs to one, so the offer has a seller, the need a buyer,
  // and the deal tests run as a member of the buyer.
  const seller = await apiJson('POST', '/api/v1/organizations', {
    kind: 'research_institute',
    name: 'Viện Cơ điện Nông nghiệp Tây Ninh',
    province_code: '80',
  })
  assert.equal(seller.status, 201, JSON.stringify(seller.body))
  const buyer = await apiJson('POST', '/api/v1/organizations', {
    kind: 'enterprise',
    name: 'Hợp tác xã Trái cây Hòa Thành',
    province_code: '80',
  })
  assert.equal(buyer.status, 201, JSON.stringify(buyer.body))
  const member = { email: 'thanhvien@htx-hoathanh.vn', password: 'mật khẩu thành viên 2026' }
  const added = await apiJson('POST', '/api/v1/users', {
    ...member,
    name: 'Thành viên Hợp tác xã',
    role: 'member',
    organization_id: buyer.body.id,
  })
  assert.equal(added.status, 201, JSON.stringify(added.body))
  memberCookies = await signIn(member)
  const offer = await apiJson('POST', '/api/v1/offers', {
    owner_organization_id: seller.body.id,
    kind: 'technology',
    title: 'Máy sấy nông sản bằng năng lượng mặt trời',
    summary: 'Sấy trái cây và dược liệu ở 45–60 °C, giữ màu và hương; công suất 500 kg mỗi mẻ.',
    keywords: ['sấy', 'nông sản', 'năng lượng mặt trời'],
    status: 'published',
  })
  assert.equal(offer.status, 201, JSON.stringify(offer.body))
  offerId = offer.body.id
  const need = await apiJson('POST', '/api/v1/needs', {
    owner_organization_id: buyer.body.id,
    title: 'Cần công nghệ sấy nông sản tiết kiệm năng lượng',
    problem: 'Hợp tác xã cần sấy chuối và mít sau thu hoạch, giữ màu và hương, dùng năng lượng mặt trời.',
    keywords: ['sấy', 'nông sản'],
    status: 'published',
  })
  assert.equal(need.status, 201, JSON.stringify(need.body))
  needId = need.body.id
  for (const route of [
    '/api/v1/indicators',
    '/api/v1/transactions',
    '/api/v1/deals',
    `/api/v1/needs/${needId}/matches`,
    '/api/v1/inbox',
    '/api/v1/follows',
  ]) {
    routeStatus[route] = (await apiRaw('GET', route)).status
  }
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

describe('dashboard', () => {
  let report
  const recorded = []

  // Records two contracts and a memorandum in the current year through the
  // ledger route, then reads the figures the page must show.
  async function prepare() {
    if (report) return
    const first = await apiJson('GET', '/api/v1/indicators')
    assert.equal(first.status, 200, JSON.stringify(first.body))
    const year = first.body.current_year
    // The first of January of the current year is never after today, and
    // the server refuses a signing date after today.
    const bodies = [
      { kind: 'contract', type: 'patent_licence', title: 'Li-xăng sáng chế máy sấy', value_vnd: 1234567000, signed_on: `${year}-01-01` },
      { kind: 'contract', type: 'technology_licence', title: 'Chuyển giao quy trình sấy mít', value_vnd: 250000000, signed_on: `${year}-01-01` },
      { kind: 'mou', type: 'rnd_contract', title: 'Biên bản ghi nhớ hợp tác nghiên cứu', value_vnd: 900000000, signed_on: `${year}-01-01` },
    ]
    for (const body of bodies) {
      const created = await apiJson('POST', '/api/v1/transactions', {
        ...body,
        payment_status: 'paid',
        source: 'registered_contract',
      })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      const verified = await apiJson('POST', `/api/v1/transactions/${created.body.id}/verify`)
      assert.equal(verified.status, 200, JSON.stringify(verified.body))
      recorded.push(created.body)
    }
    report = (await apiJson('GET', '/api/v1/indicators')).body
  }

  it('shows figures, definitions and targets', async (t) => {
    if (skipWithout(t, '/api/v1/indicators')) return
    await prepare()
    const problems = []
    const page = await newPage()
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) problems.push(message.text())
    })
    await page.goto(`${server.baseUrl}/dashboard`)
    await page.getByRole('heading', { level: 1, name: 'Chỉ số thị trường khoa học và công nghệ' }).waitFor()
    for (const indicator of report.indicators) {
      const card = page.locator(`[data-indicator="${indicator.code}"]`)
      await card.waitFor()
      assert.ok((await card.textContent()).includes(indicator.definition_vi), `${indicator.code} shows its definition`)
      const current = indicator.by_year.find((figure) => figure.year === report.current_year)
      const shownValue = await card.locator('.indicator-figure').first().locator('.figure-value').textContent()
      if (current?.status === 'ok' && indicator.unit === 'vnd') assert.equal(shownValue, money(current.value))
      if (current?.status === 'missing') assert.equal(shownValue, 'Chưa có số liệu')
      if (current?.status === 'undefined') assert.equal(shownValue, 'Không xác định')
      assert.doesNotMatch(shownValue, /Infinity|NaN|∞/, `${indicator.code} shows no infinite value`)
      // Every chart is drawn as SVG by ECharts.
      await card.locator('.chart-canvas svg').waitFor()
      const targetStates = await card.locator('.target-state').allTextContents()
      for (const state of targetStates) assert.ok(['Đạt', 'Chưa đạt', 'Chưa biết'].includes(state.trim()), state)
    }
    const value = report.indicators.find((indicator) => indicator.code === 'transaction_value')
    const thisYear = value.by_year.find((figure) => figure.year === report.current_year)
    assert.equal(thisYear.status, 'ok')
    assert.ok(thisYear.value >= 1234567000 + 250000000, 'both contracts count')
    assert.equal(await page.locator('[data-growth="compound"]').count(), 1)
    assert.equal(await page.locator('[data-growth="mean"]').count(), 1)
    assert.deepEqual(problems, [], 'no Content-Security-Policy violation')
    await page.screenshot({ path: path.join(artifacts, 'dashboard-1280.png'), fullPage: true })
    await page.context().close()
  })

  it('drills down from a figure to exactly its transactions', async (t) => {
    if (skipWithout(t, '/api/v1/indicators')) return
    await prepare()
    const page = await newPage()
    await page.goto(`${server.baseUrl}/dashboard`)
    const card = page.locator('[data-indicator="transaction_value"]')
    await card.locator('.drilldown').first().click()
    await page.waitForURL(/\/transactions\?/)
    const url = new URL(page.url())
    assert.equal(url.searchParams.get('indicator'), 'transaction_value')
    assert.equal(url.searchParams.get('year'), String(report.current_year))
    const expected = await listAll(`/api/v1/transactions?indicator=transaction_value&year=${report.current_year}`)
    await page.locator('table.transactions tbody tr').first().waitFor()
    assert.equal(await page.locator('table.transactions tbody tr').count(), expected.length)
    assert.ok(await page.getByText(money(1234567000)).first().isVisible())
    assert.ok(await page.getByText(shownDate(recorded[0].signed_on)).first().isVisible())
    // The memorandum is never counted, so it is not behind the figure.
    assert.equal(await page.getByText('Biên bản ghi nhớ hợp tác nghiên cứu').count(), 0)
    await page.context().close()
  })

  it('switches plan and offers the XLSX export', async (t) => {
    if (skipWithout(t, '/api/v1/indicators')) return
    await prepare()
    const plans = (await apiJson('GET', '/api/v1/plans')).body.items
    const other = plans.find((plan) => plan.code !== report.plan.code)
    assert.ok(other, 'the server has a second plan')
    const page = await newPage()
    await page.goto(`${server.baseUrl}/dashboard`)
    await page.getByLabel('Kế hoạch').selectOption(other.code)
    await page.waitForURL(new RegExp(`plan=${other.code}`))
    // The URL changes before the new plan's figures arrive; the link follows them.
    await page.waitForFunction(
      (code) => document.querySelector('a[href*="export.xlsx"]')?.getAttribute('href')?.includes(`plan=${code}`),
      other.code,
    )
    const href = await page.getByRole('link', { name: 'Tải bảng chỉ số (XLSX)' }).getAttribute('href')
    assert.match(href, new RegExp(`^/api/v1/indicators/export\\.xlsx\\?.*plan=${other.code}`))
    const file = await apiRaw('GET', href)
    assert.equal(file.status, 200)
    const bytes = Buffer.from(await file.arrayBuffer())
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'the export is a ZIP (XLSX) file')
    await page.context().close()
  })

  it('shows the latest assessed target and the next', async (t) => {
    if (skipWithout(t, '/api/v1/indicators')) return
    await prepare()
    // Runs after the other dashboard tests, which read the report before
    // this contract exists. A verified contract of last year gives last
    // year's targets an actual value.
    const lastYear = report.current_year - 1
    const created = await apiJson('POST', '/api/v1/transactions', {
      kind: 'contract',
      type: 'technology_licence',
      title: 'Chuyển giao công nghệ năm trước',
      value_vnd: 300000000,
      signed_on: `${lastYear}-06-10`,
      payment_status: 'paid',
      source: 'registered_contract',
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const verified = await apiJson('POST', `/api/v1/transactions/${created.body.id}/verify`)
    assert.equal(verified.status, 200, JSON.stringify(verified.body))
    const current = (await apiJson('GET', '/api/v1/indicators')).body

    const page = await newPage()
    await page.goto(`${server.baseUrl}/dashboard`)
    let assessedCount = 0
    for (const indicator of current.indicators) {
      const card = page.locator(`[data-indicator="${indicator.code}"]`)
      await card.waitFor()
      const assessed = indicator.targets
        .filter((target) => target.year <= current.current_year && target.figure != null)
        .sort((a, b) => b.year - a.year)[0]
      const next = indicator.targets
        .filter((target) => target.year > current.current_year)
        .sort((a, b) => a.year - b.year)[0]
      const assessedText = await card.locator('[data-target="assessed"]').textContent()
      const nextText = await card.locator('[data-target="next"]').textContent()
      if (assessed) {
        assessedCount++
        assert.match(assessedText, new RegExp(`Mục tiêu năm ${assessed.year}`), indicator.code)
        const state = { true: 'Đạt', false: 'Chưa đạt', null: 'Chưa biết' }[String(assessed.met)]
        assert.ok(assessedText.includes(state), `${indicator.code}: ${assessedText}`)
      } else {
        assert.match(assessedText, /Chưa năm nào có cả mục tiêu và số liệu/, indicator.code)
      }
      if (next) assert.match(nextText, new RegExp(`Mục tiêu kế tiếp, năm ${next.year}`), indicator.code)
      else assert.match(nextText, /không còn mục tiêu/, indicator.code)
    }
    assert.ok(assessedCount > 0, 'some indicator has a target with an actual value')
    await page.context().close()
  })
})

describe('transactions page', () => {
  it('shows field errors, saves nothing, then records and verifies', async (t) => {
    if (skipWithout(t, '/api/v1/transactions')) return
    const before = (await listAll('/api/v1/transactions')).length
    const page = await newPage()
    await page.goto(`${server.baseUrl}/transactions`)
    await page.getByRole('button', { name: 'Thêm giao dịch' }).click()
    await page.getByLabel('Giá trị (đồng)').fill('9,5')
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.getByText('Nhập số nguyên không âm, ví dụ 1.234.567.').waitFor()
    assert.equal((await listAll('/api/v1/transactions')).length, before, 'nothing saved')

    // An organization id that does not exist passes the page's checks, so
    // the message beside the field comes from the server's problem+json.
    await page.locator('#tx-type').selectOption('technology_assignment')
    await page.getByLabel('Tên hợp đồng').fill('Chuyển nhượng công nghệ xử lý nước thải')
    await page.getByLabel('Giá trị (đồng)').fill('1.234.567')
    await page.getByLabel('Ngày ký').fill('05/03/2026')
    await page.getByLabel('Mã tổ chức bên nhận').fill('999999')
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.locator('#tx-buyer_organization_id-error').waitFor()
    assert.equal((await listAll('/api/v1/transactions')).length, before, 'nothing saved')

    await page.getByLabel('Mã tổ chức bên nhận').fill('')
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.getByText(/Đã lưu giao dịch số \d+/).waitFor()
    const row = page.locator('table.transactions tbody tr', { hasText: 'Chuyển nhượng công nghệ xử lý nước thải' })
    assert.ok((await row.textContent()).includes(money(1234567)))
    assert.ok((await row.textContent()).includes('05/03/2026'))
    await row.getByRole('button', { name: 'Xác minh' }).click()
    await row.getByText('Đã xác minh').waitFor()
    const id = Number(await row.getAttribute('data-transaction'))
    const saved = await apiJson('GET', `/api/v1/transactions/${id}`)
    assert.equal(saved.body.verified, true)
    assert.equal(saved.body.value_vnd, 1234567)
    await page.screenshot({ path: path.join(artifacts, 'transactions-1280.png'), fullPage: true })
    await page.context().close()
  })
})

describe('matches, deals and inbox', () => {
  it('lists matches of a need as the API does', async (t) => {
    if (skipWithout(t, `/api/v1/needs/${needId}/matches`)) return
    const matches = (await apiJson('GET', `/api/v1/needs/${needId}/matches`)).body.items
    const page = await newPage(360, memberCookies)
    await page.goto(`${server.baseUrl}/needs/${needId}`)
    await page.getByRole('heading', { name: 'Công nghệ phù hợp' }).waitFor()
    if (matches.length === 0) {
      await page.getByText('Chưa tìm thấy bản ghi phù hợp.').waitFor()
    } else {
      await page.locator('.match').first().waitFor()
      assert.equal(await page.locator('.match').count(), matches.length)
      const first = page.locator('.match').first()
      assert.ok((await first.textContent()).includes(matches[0].title))
      assert.ok((await first.textContent()).includes(matches[0].reasons[0]?.text_vi ?? ''))
      await first.getByRole('button', { name: 'Bày tỏ quan tâm' }).click()
      const link = first.getByRole('link', { name: /Đã gửi quan tâm — xem giao dịch số \d+/ })
      await link.waitFor()
      const dealId = Number((await link.textContent()).match(/\d+$/)[0])
      const deal = await apiJson('GET', `/api/v1/deals/${dealId}`)
      assert.equal(deal.body.offer_id, matches[0].offer_id)
      assert.equal(deal.body.need_id, needId)
    }
    await page.screenshot({ path: path.join(artifacts, 'need-matches-360.png'), fullPage: true })
    await page.context().close()
  })

  it('follows a need', async (t) => {
    if (skipWithout(t, '/api/v1/follows')) return
    const before = (await listAll('/api/v1/follows')).length
    const page = await newPage()
    await page.goto(`${server.baseUrl}/needs/${needId}`)
    await page.getByRole('button', { name: 'Theo dõi' }).click()
    await page.getByRole('button', { name: 'Đang theo dõi' }).waitFor()
    assert.equal((await listAll('/api/v1/follows')).length, before + 1)
    await page.context().close()
  })

  it('opens a deal from an offer, posts a message and moves its stage', async (t) => {
    if (skipWithout(t, '/api/v1/deals')) return
    const page = await newPage(1280, memberCookies)
    await page.goto(`${server.baseUrl}/offers/${offerId}`)
    await page.locator('.record > .actions').getByRole('button', { name: 'Bày tỏ quan tâm' }).click()
    await page.getByRole('link', { name: /Đã gửi quan tâm — xem giao dịch số \d+/ }).click()
    await page.waitForURL(/\/deals\/\d+$/)
    const dealId = Number(page.url().match(/(\d+)$/)[1])
    const deal = (await apiJson('GET', `/api/v1/deals/${dealId}`)).body
    assert.equal(deal.origin, 'interest')
    assert.equal(deal.offer_id, offerId)

    await page.getByLabel('Tin nhắn mới').fill('Xin báo giá cho công suất 1 tấn mỗi mẻ.')
    await page.getByRole('button', { name: 'Gửi' }).click()
    await page.getByText('Xin báo giá cho công suất 1 tấn mỗi mẻ.').waitFor()
    const messages = (await apiJson('GET', `/api/v1/deals/${dealId}/messages`)).body.items
    assert.ok(messages.some((message) => message.body === 'Xin báo giá cho công suất 1 tấn mỗi mẻ.'))

    await page.getByLabel('Giai đoạn mới').selectOption('negotiation')
    await page.getByRole('button', { name: 'Chuyển', exact: true }).click()
    await page.locator('[data-stage]').filter({ hasText: 'Đàm phán' }).waitFor()
    assert.equal((await apiJson('GET', `/api/v1/deals/${dealId}`)).body.stage, 'negotiation')

    await page.goto(`${server.baseUrl}/deals`)
    await page.locator(`[data-deal="${dealId}"]`).waitFor()
    await page.context().close()
  })

  it('uploads, lists and downloads deal documents', async (t) => {
    if (skipWithout(t, '/api/v1/deals')) return
    const deals = (await apiJson('GET', '/api/v1/deals?limit=1')).body.items
    assert.ok(deals.length > 0, 'the previous test opened a deal')
    const dealId = deals[0].id
    const page = await newPage(1280, memberCookies)
    await page.goto(`${server.baseUrl}/deals/${dealId}`)
    await page.getByRole('heading', { level: 2, name: 'Tài liệu' }).waitFor()
    await page.getByText('Chưa có tài liệu nào.').waitFor()
    // The parties' province shows by name, not by its code 80.
    const parties = page.locator('.deal ul.compact').first()
    await parties.locator('[data-province="80"]', { hasText: 'Tây Ninh' }).first().waitFor()
    assert.doesNotMatch(await parties.textContent(), /\(80\)/)

    // A file over 1 MiB is stopped on the page.
    await page.getByLabel('Tệp tài liệu').setInputFiles({
      name: 'quá-lớn.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(1024 * 1024 + 1, 0x25),
    })
    await page.getByRole('button', { name: 'Tải lên' }).click()
    await page.getByText(/Tệp quá-lớn\.pdf nặng 1,0\sMiB, vượt giới hạn 1 MiB\./).waitFor()

    // The server rejects plain text, whatever the file name's extension.
    await page.getByLabel('Tệp tài liệu').setInputFiles({
      name: 'ghi-chu.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('chỉ là văn bản thường', 'utf8'),
    })
    await page.getByRole('button', { name: 'Tải lên' }).click()
    await page.getByText(/Máy chủ không nhận tệp:/).waitFor()
    assert.equal((await apiJson('GET', `/api/v1/deals/${dealId}/documents`)).body.items.length, 0)

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')
    await page.getByLabel('Tệp tài liệu').setInputFiles({
      name: 'Hợp đồng số 1.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    })
    await page.getByRole('button', { name: 'Tải lên' }).click()
    const link = page.getByRole('link', { name: 'Hợp đồng số 1.pdf' })
    await link.waitFor()
    const listed = (await apiJson('GET', `/api/v1/deals/${dealId}/documents`)).body.items
    assert.equal(listed.length, 1)
    assert.equal(listed[0].file_name, 'Hợp đồng số 1.pdf')
    assert.equal(listed[0].size_bytes, pdf.length)

    // The link downloads the stored bytes, and the list survives a reload.
    const href = await link.getAttribute('href')
    assert.equal(href, `/api/v1/deals/${dealId}/documents/${listed[0].id}`)
    const file = await apiRaw('GET', href)
    assert.equal(file.status, 200)
    assert.ok(Buffer.from(await file.arrayBuffer()).equals(pdf), 'the download returns the uploaded bytes')
    await page.reload()
    await page.getByRole('link', { name: 'Hợp đồng số 1.pdf' }).waitFor()
    await page.context().close()
  })

  it('shows the inbox and its unread count', async (t) => {
    if (skipWithout(t, '/api/v1/inbox')) return
    const items = await listAll('/api/v1/inbox')
    const unread = items.filter((item) => !item.read).length
    const page = await newPage()
    await page.goto(`${server.baseUrl}/inbox`)
    await page.getByRole('heading', { level: 1, name: 'Hộp thư' }).waitFor()
    await page.waitForLoadState('networkidle')
    assert.equal(await page.locator('[data-inbox]').count(), items.length)
    if (unread > 0) assert.equal((await page.locator('.unread-count').textContent()).trim(), String(unread))
    else assert.equal(await page.locator('.unread-count').count(), 0)
    await page.context().close()
  })
})

describe('market pages layout', () => {
  for (const width of [1280, 360]) {
    it(`fits ${width} px without sideways scrolling`, async (t) => {
      if (skipWithout(t, '/api/v1/indicators')) return
      const page = await newPage(width)
      for (const [name, url] of [
        ['dashboard', '/dashboard'],
        ['transactions', '/transactions'],
        ['deals', '/deals'],
        ['inbox', '/inbox'],
      ]) {
        await page.goto(`${server.baseUrl}${url}`)
        await page.locator('main h1').first().waitFor()
        await page.waitForLoadState('networkidle')
        await assertNoSidewaysScroll(page, name, width)
        await page.screenshot({ path: path.join(artifacts, `${name}-${width}.png`), fullPage: true })
      }
      await page.context().close()
    })
  }
})
