// Starts a real techmarket server for the browser tests: a temporary data
// directory with the reference data and NASA's portfolio imported, the
// built web application, and a free port on 127.0.0.1.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

async function waitForHealth(baseUrl, child, log) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`techmarket serve exited early:\n${log.join('')}`)
    try {
      const response = await fetch(`${baseUrl}/healthz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`techmarket serve did not answer /healthz within 30 seconds:\n${log.join('')}`)
}

// Adds an admin account with `techmarket user add` when the program has
// that command, and returns its credentials, or null when it has none.
// NOTE: written to the session contract (user add reads the password from
// standard input) before the accounts work was merged; untested until then.
function addTestAccount(binary, dataDir) {
  const email = 'kiem-thu@example.org'
  const password = 'mat-khau-kiem-thu-trinh-duyet'
  // CLI11 exits with status 0 on --help even after an unknown subcommand,
  // so look for "user" among the subcommands that the help text lists.
  const help = spawnSync(binary, ['--help'], { encoding: 'utf8' })
  if (!/^\s+user\b/m.test(help.stdout)) return null
  const added = spawnSync(
    binary,
    ['user', 'add', '--email', email, '--name', 'Kiểm thử trình duyệt', '--role', 'admin', '--data-dir', dataDir],
    { input: `${password}\n`, encoding: 'utf8' },
  )
  if (added.status !== 0) throw new Error(`techmarket user add failed:\n${added.stdout}${added.stderr}`)
  return { email, password }
}

// Adds an account with `techmarket user add`; throws when the command fails.
// The command opens the search index, so it must run before `serve` starts.
function addAccount(binary, dataDir, { email, password, name, role, organization }) {
  const args = ['user', 'add', '--email', email, '--name', name, '--role', role, '--data-dir', dataDir]
  if (organization) args.push('--organization', String(organization))
  const added = spawnSync(binary, args, { input: `${password}\n`, encoding: 'utf8' })
  if (added.status !== 0) throw new Error(`techmarket user add failed:\n${added.stdout}${added.stderr}`)
}

// `accounts` lists further accounts ({ email, password, name, role,
// organization }) to add before the server starts.
export async function startServer({ binary, sharedData, webDir, accounts = [] }) {
  for (const [name, file] of [['binary', binary], ['shared data', sharedData], ['web build', webDir]]) {
    if (!existsSync(file)) throw new Error(`${name} not found at ${file}`)
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'techmarket-browser-'))
  const nasa = path.join(sharedData, 'tech_offers', 'nasa_t2_portfolio_2025-05-10.jsonl')
  execFileSync(binary, ['import', 'reference', sharedData, '--data-dir', dataDir], { stdio: 'pipe' })
  execFileSync(binary, ['import', 'offers', nasa, '--data-dir', dataDir], { stdio: 'pipe' })

  const account = addTestAccount(binary, dataDir)
  for (const extra of accounts) addAccount(binary, dataDir, extra)

  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const child = spawn(
    binary,
    ['serve', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`, '--web-dir', webDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const log = []
  child.stdout.on('data', (chunk) => log.push(chunk.toString()))
  child.stderr.on('data', (chunk) => log.push(chunk.toString()))
  await waitForHealth(baseUrl, child, log)

  return {
    baseUrl,
    log,
    account,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
