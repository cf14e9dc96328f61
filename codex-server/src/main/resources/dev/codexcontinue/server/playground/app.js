// The Codex playground: plain ES module, no build step. Everything the server returns is shown
// with textContent (never parsed as HTML), and the token lives in sessionStorage only.
const $ = (id) => document.getElementById(id);
const state = { session: null, tokenKey: 'codex-token' };

$('token').value = sessionStorage.getItem(state.tokenKey) ?? '';
$('token').addEventListener('change', () => {
  sessionStorage.setItem(state.tokenKey, $('token').value);
  refresh();
});

function headers(json = true) {
  const h = {};
  if (json) h['Content-Type'] = 'application/json';
  const token = $('token').value.trim();
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: headers(body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const text = await response.text();
    let message = text;
    try { message = JSON.parse(text).error.message; } catch { /* not JSON */ }
    throw new Error(`${response.status}: ${message}`);
  }
  return response.status === 204 ? null : response.json();
}

function status(text) { $('status').textContent = text; }

function item(list, className, text) {
  const li = document.createElement('li');
  li.className = className;
  li.textContent = text;
  $(list).appendChild(li);
  li.scrollIntoView({ block: 'end' });
  return li;
}

async function loadSessions() {
  const { sessions } = await api('GET', '/api/sessions');
  const list = $('sessions');
  list.replaceChildren();
  for (const s of sessions) {
    const li = document.createElement('li');
    li.textContent = `${s.id} (${s.messages})`;
    li.dataset.id = s.id;
    li.className = s.id === state.session ? 'active' : '';
    li.addEventListener('click', () => openSession(s.id));
    list.appendChild(li);
  }
}

async function openSession(id) {
  state.session = id;
  $('session-label').textContent = id;
  $('transcript').replaceChildren();
  const { messages } = await api('GET', `/api/sessions/${encodeURIComponent(id)}/messages`);
  for (const m of messages) {
    if (m.role === 'tool') item('transcript', 'tool', `${m.name ?? 'tool'} -> ${m.content}`);
    else if (m.content) item('transcript', m.role, m.content);
  }
  await loadSessions();
}

async function newSession() {
  const { id } = await api('POST', '/api/sessions', {});
  state.session = id;
  $('session-label').textContent = id;
  $('transcript').replaceChildren();
}

// Reads the server-sent events of a turn: text, tool_call, tool_result, done, error.
async function send(text) {
  if (!state.session) await newSession();
  item('transcript', 'user', text);
  const answer = item('transcript', 'assistant', '');
  answer.dataset.streaming = 'true';
  const response = await fetch(`/api/sessions/${encodeURIComponent(state.session)}/messages`, {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ content: text, stream: true }),
  });
  if (!response.ok) {
    answer.className = 'error';
    answer.textContent = `${response.status}: ${await response.text()}`;
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let current = answer;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      current = onEvent(event, JSON.parse(data.join('\n')), current);
    }
  }
  delete answer.dataset.streaming;
  await loadSessions();
}

function onEvent(event, data, current) {
  switch (event) {
    case 'text':
      current.textContent += data.text;
      return current;
    case 'tool_result': {
      if (!current.textContent) current.remove();
      const li = item('transcript', 'tool', `${data.name}(${data.arguments}) -> ${data.content}`);
      li.dataset.tool = data.name;
      if (data.is_error) li.classList.add('error');
      return item('transcript', 'assistant', '');
    }
    case 'done':
      if (!current.textContent) current.remove();
      showTimings(data.timings_ms);
      showMemories(data.memories);
      status(`${data.usage.total_tokens} tokens, ${data.model_calls} model call(s), ${data.stop_reason}`);
      return current;
    case 'error':
      item('transcript', 'error', data.error.message);
      return current;
    default:
      return current;
  }
}

function showTimings(timings) {
  const body = $('timings').tBodies[0];
  body.replaceChildren();
  for (const [step, ms] of Object.entries(timings)) {
    const row = body.insertRow();
    row.insertCell().textContent = step;
    row.insertCell().textContent = `${ms.toFixed(1)} ms`;
  }
}

function showMemories(matches) {
  const list = $('memory-hits');
  list.replaceChildren();
  for (const m of matches) {
    const li = document.createElement('li');
    const score = document.createElement('span');
    score.className = 'score';
    score.textContent = m.score.toFixed(3);
    li.append(score, m.text);
    list.appendChild(li);
  }
}

let previewTimer;
function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, 150);
}

async function preview() {
  const variables = {};
  for (const input of $('variables').querySelectorAll('input')) variables[input.name] = input.value;
  const result = await api('POST', '/api/prompts/preview', { template: $('template').value, variables });
  const present = new Set([...$('variables').querySelectorAll('input')].map((i) => i.name));
  for (const name of result.variables ?? []) {
    if (!present.has(name)) {
      const label = document.createElement('label');
      label.textContent = name;
      const input = document.createElement('input');
      input.name = name;
      input.addEventListener('input', schedulePreview);
      label.appendChild(input);
      $('variables').appendChild(label);
      variables[name] = '';
    }
  }
  $('preview').className = result.error ? 'error' : '';
  $('preview').textContent = result.error ?? result.rendered;
}

async function loadTools() {
  const { tools } = await api('GET', '/api/tools');
  $('tools').replaceChildren();
  for (const t of tools) item('tools', '', `${t.name}: ${t.description}`);
}

$('new-session').addEventListener('click', () => newSession().then(loadSessions).catch((e) => status(e.message)));
$('chat-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('message').value.trim();
  if (!text) return;
  $('message').value = '';
  send(text).catch((err) => item('transcript', 'error', err.message));
});
$('memory-search').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = encodeURIComponent($('memory-query').value);
  api('GET', `/api/memory/search?q=${q}&k=5`).then((r) => showMemories(r.matches)).catch((err) => status(err.message));
});
$('memory-add').addEventListener('submit', (e) => {
  e.preventDefault();
  api('POST', '/api/memory', { text: $('memory-text').value })
    .then(() => { $('memory-text').value = ''; status('remembered'); })
    .catch((err) => status(err.message));
});
$('template').addEventListener('input', schedulePreview);

function refresh() {
  Promise.all([loadSessions(), loadTools(), preview()])
    .then(() => status('connected'))
    .catch((e) => status(e.message));
}
refresh();
