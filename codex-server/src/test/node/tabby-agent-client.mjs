// Drives the real `tabby-agent` language server (stdio) against codex-server's Tabby-compatible
// endpoints: writes its config.toml under a temporary HOME, initializes, opens a document, asks
// for an inline completion, and prints one JSON object with what the agent returned.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [baseUrl, token] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'tabby-home-'));
mkdirSync(join(home, '.tabby-client', 'agent'), { recursive: true });
writeFileSync(
  join(home, '.tabby-client', 'agent', 'config.toml'),
  `[server]\nendpoint = "${baseUrl}/tabby"\ntoken = "${token}"\n\n[anonymousUsageTracking]\ndisable = true\n`,
);

const agent = spawn(process.execPath, [join(here, 'node_modules', 'tabby-agent', 'dist', 'cli.js'), '--lsp', '--stdio'], {
  env: { ...process.env, HOME: home, USERPROFILE: home },
  stdio: ['pipe', 'pipe', 'pipe'],
});
let stderr = '';
agent.stderr.on('data', (d) => { stderr += d.toString(); });

let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
const notifications = [];
agent.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
    buffer = buffer.subarray(headerEnd + 4 + length);
    if (message.id !== undefined && message.method === undefined && pending.has(message.id)) {
      pending.get(message.id)(message);
      pending.delete(message.id);
    } else if (message.method && message.id !== undefined) {
      // A request from the server (workspace/configuration, client/registerCapability, ...).
      const result = message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null;
      send({ jsonrpc: '2.0', id: message.id, result });
    } else if (message.method) {
      notifications.push(message.method);
    }
  }
});

function send(message) {
  const body = Buffer.from(JSON.stringify(message));
  agent.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  agent.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    send({ jsonrpc: '2.0', id, method, params });
  });
}
function notify(method, params) {
  send({ jsonrpc: '2.0', method, params });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const out = {};
const timer = setTimeout(() => {
  console.log(JSON.stringify({ ...out, error: 'timeout', notifications, stderr: stderr.slice(-2000) }));
  agent.kill();
  process.exit(2);
}, 25000);

const uri = 'file:///tmp/tabby-project/src/fib.py';
const text = 'def fib(n):\n    \n\nprint(fib(10))\n';
const init = await request('initialize', {
  processId: process.pid,
  clientInfo: { name: 'codex-server-test', version: '1.0.0' },
  rootUri: 'file:///tmp/tabby-project',
  workspaceFolders: null,
  capabilities: {
    textDocument: { inlineCompletion: { dynamicRegistration: false }, completion: {} },
    workspace: { configuration: true },
  },
  initializationOptions: {},
});
out.serverName = init.result?.serverInfo?.name ?? null;
out.capabilities = Object.keys(init.result?.capabilities ?? {});
// tabby-agent 1.5 serves textDocument/completion; later versions add textDocument/inlineCompletion.
const inline = Boolean(init.result?.capabilities?.inlineCompletionProvider);
out.method = inline ? 'textDocument/inlineCompletion' : 'textDocument/completion';
notify('initialized', {});
notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });

// The agent connects (health check) asynchronously; ask until it completes or the timer fires.
for (let attempt = 0; attempt < 40; attempt++) {
  const response = await request(out.method, {
    textDocument: { uri },
    position: { line: 1, character: 4 },
    context: { triggerKind: 1 },
  });
  const result = response.result;
  const items = (Array.isArray(result) ? result : result?.items) ?? [];
  if (items.length > 0) {
    out.items = items.map((i) => {
      const text = i.textEdit?.newText ?? i.insertText ?? i.label;
      return typeof text === 'string' ? text : text.value;
    });
    out.attempts = attempt + 1;
    break;
  }
  out.lastResponse = response;
  await sleep(300);
}
clearTimeout(timer);
out.notifications = [...new Set(notifications)];
console.log(JSON.stringify(out));
await request('shutdown', null);
notify('exit', null);
setTimeout(() => { agent.kill(); process.exit(0); }, 500);
