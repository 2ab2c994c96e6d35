// Browser tests of the review workflow pages: a member of NASA's
// organization sends records for review from their pages, an administrator
// works through the review queue, and users of other organizations and
// visitors get no edit button. Headless Chromium against a real server, as
// in web.test.mjs.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startServer } from './server.mjs'

const webDir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)))
const repoDir = path.resolve(webDir, '..')
const binary = process.env.TECHMARKET_BINARY ?? path.join(repoDir, 'build', 'techmarket')
const sharedData = process.env.TECHMARKET_SHARED_DATA ?? path.resolve(repoDir, '..', 'shared', 'data')
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium'

// The NASA import creates organization 1, which owns the imported offers.
const nasaOrganization = 1
const member = {
  email: 'thanh-vien@example.org',
  password: 'mat-khau-thanh-vien-kiem-thu',
  name: 'Thành viên NASA',
  role: 'member',
  organization: nasaOrganization,
}

let server
let browser
const sessions = {}

async function signIn(account) {
  const response = await fetch(`${server.baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  })
  assert.equal(response.status, 200, await response.text())
  return response.headers.getSetCookie().map((line) => {
    const [pair] = line.split(';')
    const separator = pair.indexOf('=')
    return { name: pair.slice(0, separator).trim(), value: pair.slice(separator + 1).trim() }
  })
}

// Calls the API as `account` ('admin', 'member' or null for a visitor).
async function apiJson(account, method, urlPath, body) {
  const cookies = account ? sessions[account] : []
  const headers = body ? { 'Content-Type': 'application/json' } : {}
  if (cookies.length > 0) {
    headers.Cookie = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
    if (method !== 'GET') headers['X-CSRF-Token'] = cookies.find((c) => c.name === 'tm_csrf')?.value
  }
  const response = await fetch(`${server.baseUrl}${urlPath}`, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

async function newPage(account) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })
  if (account) {
    await context.addCookies(sessions[account].map((cookie) => ({ ...cookie, url: server.baseUrl })))
  }
  return context.newPage()
}

async function createOffer(account, fields) {
  const created = await apiJson(account, 'POST', '/api/v1/offers', {
    kind: 'technology',
    summary: 'Tóm tắt dùng cho kiểm thử quy trình duyệt.',
    ...fields,
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  return created.body
}

// Waits until the status badge of the record page reads `label`.
async function waitForStatus(page, label) {
  await page.locator('.record .meta', { hasText: label }).waitFor()
}

before(async () => {
  server = await startServer({
    binary,
    sharedData,
    webDir: path.join(webDir, 'dist'),
    accounts: [member],
  })
  assert.ok(server.account, 'the server has accounts')
  sessions.admin = await signIn(server.account)
  sessions.member = await signIn(member)
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

describe('review workflow on record pages', () => {
  it('takes an offer from draft through rejection to publication', async () => {
    const offer = await createOffer('member', { title: 'Cảm biến độ ẩm đất không dây' })
    assert.equal(offer.status, 'draft')

    const owner = await newPage('member')
    await owner.goto(`${server.baseUrl}/offers/${offer.id}`)
    await owner.getByRole('button', { name: 'Gửi duyệt' }).click()
    await waitForStatus(owner, 'Chờ duyệt')
    assert.equal(await owner.getByRole('button', { name: 'Công bố' }).count(), 0, 'members cannot publish')

    const reviewer = await newPage('admin')
    await reviewer.goto(`${server.baseUrl}/`)
    await reviewer.getByRole('link', { name: 'Duyệt tin' }).click()
    await reviewer.getByRole('heading', { level: 1, name: 'Hàng chờ duyệt' }).waitFor()
    await reviewer.getByRole('link', { name: 'Cảm biến độ ẩm đất không dây' }).click()
    await reviewer.waitForURL(new RegExp(`/offers/${offer.id}$`))
    await reviewer.getByRole('button', { name: 'Từ chối' }).click()
    await reviewer.getByLabel('Lý do từ chối (người đăng sẽ thấy)').fill('Thiếu thông số kỹ thuật.')
    await reviewer.getByRole('button', { name: 'Xác nhận từ chối' }).click()
    await waitForStatus(reviewer, 'Bị từ chối')
    assert.ok(await reviewer.getByText('Thiếu thông số kỹ thuật.').isVisible())

    await owner.reload()
    await waitForStatus(owner, 'Bị từ chối')
    assert.ok(await owner.getByText('Thiếu thông số kỹ thuật.').isVisible(), 'the owner sees the reason')
    await owner.getByRole('button', { name: 'Gửi duyệt' }).click()
    await waitForStatus(owner, 'Chờ duyệt')

    await reviewer.reload()
    await reviewer.getByRole('button', { name: 'Công bố' }).click()
    await waitForStatus(reviewer, 'Đã công bố')
    const stored = await apiJson('admin', 'GET', `/api/v1/offers/${offer.id}`)
    assert.equal(stored.body.status, 'published')
    await owner.context().close()
    await reviewer.context().close()
  })

  it('lists submitted offers and needs oldest first in the queue', async () => {
    const first = await createOffer('member', { title: 'Hàng chờ: chào bán gửi trước' })
    const need = await apiJson('member', 'POST', '/api/v1/needs', {
      title: 'Hàng chờ: nhu cầu gửi sau',
      problem: 'Cần công nghệ sấy lạnh cho trái cây.',
    })
    assert.equal(need.status, 201, JSON.stringify(need.body))
    assert.equal((await apiJson('member', 'POST', `/api/v1/offers/${first.id}/submit`)).status, 200)
    // updated_at has a resolution of one second.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    assert.equal((await apiJson('member', 'POST', `/api/v1/needs/${need.body.id}/submit`)).status, 200)

    const page = await newPage('admin')
    await page.goto(`${server.baseUrl}/review`)
    const links = page.locator('table.review-queue tbody a')
    await links.first().waitFor()
    const titles = await links.allTextContents()
    const offerAt = titles.indexOf('Hàng chờ: chào bán gửi trước')
    const needAt = titles.indexOf('Hàng chờ: nhu cầu gửi sau')
    assert.ok(offerAt >= 0, `the queue lists the offer: ${titles}`)
    assert.ok(needAt > offerAt, `the earlier submission comes first: ${titles}`)
    await page.context().close()
  })

  it('hides the queue from members', async () => {
    const page = await newPage('member')
    await page.goto(`${server.baseUrl}/`)
    await page.getByRole('link', { name: 'Giao dịch', exact: true }).waitFor()
    assert.equal(await page.getByRole('link', { name: 'Duyệt tin' }).count(), 0)

    await page.goto(`${server.baseUrl}/review`)
    await page.getByText('Chỉ cán bộ sàn và quản trị viên xem được hàng chờ duyệt.').waitFor()
    assert.equal(await page.locator('table.review-queue').count(), 0)
    await page.context().close()
  })

  it('renews an expired offer until a chosen date', async () => {
    const offer = await createOffer('admin', {
      title: 'Máy ép dầu dừa đã hết hạn',
      owner_organization_id: nasaOrganization,
      status: 'expired',
      published_on: '2025-01-10',
      expires_on: '2025-12-31',
    })
    const page = await newPage('member')
    await page.goto(`${server.baseUrl}/offers/${offer.id}`)
    await page.getByRole('button', { name: 'Gia hạn' }).click()
    await page.getByLabel('Gia hạn đến ngày').fill('2027-12-31')
    await page.getByRole('button', { name: 'Xác nhận gia hạn' }).click()
    await waitForStatus(page, 'Đã công bố')
    assert.ok(await page.getByText('31/12/2027').isVisible())
    await page.context().close()
  })

  it('archives only after a confirmation', async () => {
    const offer = await createOffer('member', { title: 'Bản nháp sẽ lưu trữ' })
    const page = await newPage('member')
    await page.goto(`${server.baseUrl}/offers/${offer.id}`)
    await page.getByRole('button', { name: 'Lưu trữ', exact: true }).click()
    await page.getByText('Lưu trữ bản ghi này?').waitFor()
    assert.equal((await apiJson('member', 'GET', `/api/v1/offers/${offer.id}`)).body.status, 'draft')
    await page.getByRole('button', { name: 'Xác nhận lưu trữ' }).click()
    await waitForStatus(page, 'Đã lưu trữ')
    assert.equal((await apiJson('admin', 'GET', `/api/v1/offers/${offer.id}`)).body.status, 'archived')
    assert.equal(await page.getByRole('button', { name: 'Gửi duyệt' }).count(), 0)
    await page.context().close()
  })

  it('submits a need and writes a budget with only a maximum', async () => {
    const need = await apiJson('member', 'POST', '/api/v1/needs', {
      title: 'Xử lý bã mía thành phân bón',
      problem: 'Bã mía tồn đọng sau vụ ép.',
      budget_max_vnd: 200000000,
    })
    assert.equal(need.status, 201, JSON.stringify(need.body))
    const page = await newPage('member')
    await page.goto(`${server.baseUrl}/needs/${need.body.id}`)
    await page.getByText('tối đa 200.000.000 ₫', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Gửi duyệt' }).click()
    await waitForStatus(page, 'Chờ duyệt')
    assert.equal((await apiJson('admin', 'GET', `/api/v1/needs/${need.body.id}`)).body.status, 'submitted')
    await page.context().close()
  })
})

describe('editing rights', () => {
  it('offers members only the draft status on a new offer', async () => {
    const page = await newPage('member')
    await page.goto(`${server.baseUrl}/offers/new`)
    await page.getByLabel('Trạng thái').waitFor()
    const options = await page.locator('#offer-status option').allTextContents()
    assert.deepEqual(options, ['Nháp'])
    await page.context().close()
  })

  it('shows no edit button to visitors', async () => {
    const offer = await createOffer('admin', { title: 'Chào bán công khai cho khách', status: 'published' })
    const page = await newPage(null)
    await page.goto(`${server.baseUrl}/offers/${offer.id}`)
    await page.getByRole('heading', { level: 1, name: 'Chào bán công khai cho khách' }).waitFor()
    assert.equal(await page.getByRole('link', { name: 'Sửa' }).count(), 0)
    await page.context().close()
  })

  it('says an offer belongs to another organization', async () => {
    const organization = await apiJson('admin', 'POST', '/api/v1/organizations', {
      kind: 'enterprise',
      name: 'Công ty Cơ khí Gò Dầu',
    })
    assert.equal(organization.status, 201, JSON.stringify(organization.body))
    const offer = await createOffer('admin', {
      title: 'Máy gặt đập của tổ chức khác',
      owner_organization_id: organization.body.id,
      status: 'published',
    })
    const page = await newPage('member')
    await page.goto(`${server.baseUrl}/offers/${offer.id}`)
    await page.getByRole('heading', { level: 1, name: 'Máy gặt đập của tổ chức khác' }).waitFor()
    assert.equal(await page.getByRole('link', { name: 'Sửa' }).count(), 0)

    await page.goto(`${server.baseUrl}/offers/${offer.id}/edit`)
    await page.getByLabel('Tiêu đề').waitFor()
    await page.waitForFunction(() => document.querySelector('#offer-title')?.value !== '')
    await page.getByRole('button', { name: 'Lưu', exact: true }).click()
    const message = page.locator('.form-message')
    await message.waitFor()
    assert.match(await message.textContent(), /thuộc tổ chức khác/)
    await page.context().close()
  })

  it('shows the edit button to the owner organization', async () => {
    const offer = await createOffer('member', { title: 'Bản nháp của chính mình' })
    const page = await newPage('member')
    await page.goto(`${server.baseUrl}/offers/${offer.id}`)
    await page.getByRole('link', { name: 'Sửa' }).waitFor()
    await page.context().close()
  })
})

describe('names on record pages', () => {
  it('shows owner and province names', async () => {
    const offer = await createOffer('admin', {
      title: 'Chào bán có tổ chức và tỉnh',
      owner_organization_id: nasaOrganization,
      province_code: '80',
      status: 'published',
    })
    const need = await apiJson('admin', 'POST', '/api/v1/needs', {
      title: 'Nhu cầu có tổ chức và tỉnh',
      problem: 'Cần thiết bị đo độ mặn nước tưới.',
      owner_organization_id: nasaOrganization,
      province_code: '80',
      status: 'published',
    })
    assert.equal(need.status, 201, JSON.stringify(need.body))

    const page = await newPage(null)
    for (const url of [`/offers/${offer.id}`, `/needs/${need.body.id}`]) {
      await page.goto(`${server.baseUrl}${url}`)
      const facts = page.locator('dl.facts')
      await facts.getByRole('link', { name: 'NASA', exact: true }).waitFor()
      await facts.getByText('Tây Ninh', { exact: true }).waitFor()
      assert.doesNotMatch(await facts.textContent(), /\b80\b/, `${url} shows no province code`)
    }
    await page.context().close()
  })
})
