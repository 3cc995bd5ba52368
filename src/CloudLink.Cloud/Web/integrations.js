// The integrations page: everything goes through the people API with the session cookie and the
// antiforgery token from /api/v1/session. Values from the server are set as text, never as HTML.
'use strict';

let csrf = '';

async function api(method, path, body) {
  const headers = { 'X-CSRF-TOKEN': csrf };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (response.status === 401) { window.location.assign('/account/sign-in'); throw new Error('Signed out.'); }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(data && data.message ? data.message : `HTTP ${response.status}`);
  return data;
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const when = value => value ? new Date(value).toLocaleString() : '–';

function showError(target, error) {
  target.className = 'error';
  target.textContent = error.message;
}

async function act(message, action) {
  try { await action(); await render(); }
  catch (error) { showError(message, error); }
}

async function render() {
  const list = document.getElementById('list');
  const integrations = await api('GET', '/api/v1/integrations');
  list.replaceChildren(...await Promise.all(integrations.map(renderIntegration)));
  await renderTokens();
}

async function renderIntegration(integration) {
  const id = integration.id;
  const [agents, files, windows] = await Promise.all([
    api('GET', `/api/v1/integrations/${id}/agents`),
    api('GET', `/api/v1/received?integrationId=${id}`),
    api('GET', `/api/v1/received-windows?integrationId=${id}&latest=true`),
  ]);
  const message = el('p', { role: 'status', 'aria-live': 'polite' });
  const section = el('section', { 'aria-labelledby': `title-${id}`, 'data-integration': id },
    el('h2', { id: `title-${id}`, text: `${integration.name} (${integration.type === 'csv' ? 'CSV' : 'database'})` }),
    el('p', {}, integration.paused ? el('span', { class: 'paused', text: 'Paused: nothing is imported.' }) : 'Importing.'),
    message);

  section.append(renderAgent(agents.find(agent => !agent.revokedAt), message));
  section.append(renderConnect(id, message));
  section.append(el('p', {},
    el('button', { type: 'button', text: integration.paused ? 'Resume import' : 'Pause import',
      onclick: () => act(message, () => api('POST', `/api/v1/integrations/${id}/${integration.paused ? 'resume' : 'pause'}`)) }),
    renderDelete(integration, message)));
  if (integration.type === 'database') {
    section.append(renderDatabase(integration, message));
    section.append(await renderQueryChanges(id));
  } else {
    section.append(renderCsv(integration, message));
  }

  section.append(renderFiles(files), renderWindows(windows));
  return section;
}

function renderAgent(agent, message) {
  if (!agent) return el('p', { text: 'No Cloud Link installation is connected.' });
  return el('div', {},
    el('h3', { text: 'Connected installation' }),
    el('p', { text: `${agent.instanceName} on ${agent.hostName}, version ${agent.agentVersion}; linked ${when(agent.linkedAt)}; ` +
      `last heartbeat ${when(agent.lastSeenAt)}; ${agent.backlog} file(s) waiting.` }),
    el('button', { type: 'button', text: 'Revoke this agent',
      onclick: () => act(message, () => api('DELETE', `/api/v1/agents/${agent.id}`)) }));
}

function renderConnect(id, message) {
  const input = el('input', { id: `pin-${id}`, name: 'pin', inputmode: 'numeric', pattern: '[0-9]{6}', maxlength: '6', required: true, autocomplete: 'off' });
  const preview = el('output', { id: `preview-${id}`, 'aria-live': 'polite' });
  const connect = el('button', { type: 'submit', text: 'Connect', disabled: true });
  const check = el('button', { type: 'button', text: 'Check PIN', onclick: async () => {
    try {
      const found = await api('POST', `/api/v1/integrations/${id}/pin-preview`, { pin: input.value.trim() });
      preview.className = 'ok';
      preview.textContent = `PIN of ${found.instanceName} on ${found.hostName} (version ${found.agentVersion}). Connect this installation?`;
      connect.disabled = false;
      connect.focus();
    } catch (error) { showError(preview, error); connect.disabled = true; }
  } });
  input.addEventListener('input', () => { connect.disabled = true; preview.textContent = ''; });
  return el('form', { onsubmit: event => {
    event.preventDefault();
    act(message, () => api('POST', `/api/v1/integrations/${id}/connect`, { pin: input.value.trim() }));
  } },
  el('h3', { text: 'Connect an installation' }),
  el('label', { for: `pin-${id}`, text: 'PIN shown by the agent' }), input, check, connect, el('br'), preview);
}

function renderDelete(integration, message) {
  const holder = el('span');
  const ask = el('button', { type: 'button', text: 'Delete integration', onclick: () => {
    const yes = el('button', { type: 'button', text: 'Yes, really delete',
      onclick: () => act(message, () => api('DELETE', `/api/v1/integrations/${integration.id}`)) });
    const no = el('button', { type: 'button', text: 'Cancel', onclick: () => { holder.replaceChildren(ask); ask.focus(); } });
    holder.replaceChildren(el('span', { text: `Delete "${integration.name}"? The data already imported is kept. ` }), yes, no);
    yes.focus();
  } });
  holder.append(ask);
  return holder;
}

function renderDatabase(integration, message) {
  const id = integration.id;
  const current = integration.database || { dataType: 'interval', query: '', timeZone: 'UTC', intervalMinutes: 15, realTime: false, backfillDays: 1095 };
  const field = (name, label, control) => el('p', {}, el('label', { for: `${name}-${id}`, text: label }), control);
  const select = (name, options, value) => el('select', { id: `${name}-${id}`, name },
    ...options.map(([optionValue, text]) => el('option', { value: optionValue, text, selected: String(optionValue) === String(value) })));
  const dataType = select('datatype', [['interval', 'Interval contacts'], ['contact', 'Contact-based contacts'], ['agentstatus', 'Agent status']], current.dataType);
  const query = el('textarea', { id: `query-${id}`, name: 'query', required: true, spellcheck: 'false' });
  query.value = current.query || '';
  const timeZone = el('input', { id: `timezone-${id}`, name: 'timeZone', value: current.timeZone || 'UTC', required: true });
  const interval = select('interval', [[15, 'every 15 minutes'], [30, 'every 30 minutes'], [60, 'every 60 minutes']], current.intervalMinutes);
  const realTime = el('input', { id: `realtime-${id}`, type: 'checkbox', checked: current.realTime });
  const reconciliation = el('input', { id: `reconciliation-${id}`, type: 'checkbox', checked: current.reconciliation ?? current.dataType === 'agentstatus' });
  const local = el('input', { id: `local-${id}`, type: 'checkbox', checked: !current.connectionSet });
  const connection = el('input', { id: `connection-${id}`, type: 'password', autocomplete: 'off',
    placeholder: current.connectionSet ? 'set (enter a new one to replace it)' : 'DSN=... or DRIVER={...};...' });
  const connectionField = field('connection', 'ODBC connection string (write-only: it is never shown again)', connection);
  const showConnection = () => { connectionField.hidden = local.checked; };
  local.addEventListener('change', showConnection);
  showConnection();
  return el('form', { onsubmit: event => {
    event.preventDefault();
    const settings = { dataType: dataType.value, query: query.value, timeZone: timeZone.value.trim(), intervalMinutes: Number(interval.value),
      realTime: realTime.checked, reconciliation: reconciliation.checked, backfillDays: current.backfillDays ?? 1095 };
    if (local.checked) settings.connection = '';
    else if (connection.value) settings.connection = connection.value;
    act(message, () => api('PUT', `/api/v1/integrations/${id}/database`, settings));
  } },
  el('h3', { text: 'Database settings' }),
  field('datatype', 'Data type', dataType),
  field('query', 'SQL query (must return the data type\'s columns)', query),
  field('timezone', 'Database time zone (IANA name, e.g. Europe/Berlin)', timeZone),
  field('interval', 'Import', interval),
  el('p', {}, realTime, el('label', { for: `realtime-${id}`, text: 'Real time (agent status: every 10 seconds)' })),
  el('p', {}, reconciliation, el('label', { for: `reconciliation-${id}`, text: 'Reconciliation (re-read the last 24 hours)' })),
  el('p', {}, local, el('label', { for: `local-${id}`, text: 'The connection stays on the server (in the agent\'s config)' })),
  connectionField,
  el('p', { class: 'hint', text: current.connectionSet ? 'A connection string is set.' : 'No connection string is stored in the cloud.' }),
  el('button', { type: 'submit', text: 'Save database settings' }));
}

function renderCsv(integration, message) {
  const id = integration.id;
  const current = integration.csv || { dataType: 'interval', delimiter: 'detect', timestampFormat: 'iso', encoding: 'utf-8' };
  const field = (name, label, control) => el('p', {}, el('label', { for: `${name}-${id}`, text: label }), control);
  const select = (name, options, value) => el('select', { id: `${name}-${id}`, name },
    ...options.map(([optionValue, text]) => el('option', { value: optionValue, text, selected: optionValue === value })));
  const dataType = select('csvtype', [['interval', 'Interval contacts'], ['contact', 'Contact-based contacts'], ['agentstatus', 'Agent status']], current.dataType);
  const delimiter = select('delimiter', [['detect', 'Detect'], [';', 'Semicolon ;'], [',', 'Comma ,'], ['tab', 'Tab']], current.delimiter);
  const encoding = select('encoding', [['utf-8', 'UTF-8'], ['iso-8859-1', 'ISO-8859-1'], ['iso-8859-9', 'ISO-8859-9'], ['windows-1252', 'Windows-1252']], current.encoding);
  const format = el('input', { id: `timestampformat-${id}`, name: 'timestampFormat', value: current.timestampFormat, required: true });
  return el('form', { onsubmit: event => {
    event.preventDefault();
    act(message, () => api('PUT', `/api/v1/integrations/${id}/csv`,
      { dataType: dataType.value, delimiter: delimiter.value, encoding: encoding.value, timestampFormat: format.value.trim() }));
  } },
  el('h3', { text: 'CSV file settings' }),
  el('p', { class: 'hint', text: integration.csv ? 'The agent checks every file against these settings before it sends it.' : 'Not set: the agent sends files unchecked.' }),
  field('csvtype', 'Data type', dataType),
  field('delimiter', 'Delimiter', delimiter),
  field('timestampformat', 'Timestamp format (iso, or a .NET format such as dd.MM.yyyy HH:mm)', format),
  field('encoding', 'Encoding of files without a UTF-8 byte order mark', encoding),
  el('button', { type: 'submit', text: 'Save CSV settings' }));
}

function renderCheck(check) {
  if (!check) return el('td', { text: 'not checked' });
  if (!check.refused) return el('td', { text: `ok: ${check.rows} rows` });
  const more = check.problemCount > check.problems.length ? ` (and ${check.problemCount - check.problems.length} more)` : '';
  return el('td', { class: 'refused' },
    el('strong', { text: `${check.problemCount} problem${check.problemCount === 1 ? '' : 's'}${more}` }),
    el('ul', {}, ...check.problems.map(problem => el('li', { text: `line ${problem.line}: ${problem.message}` }))));
}

async function renderQueryChanges(id) {
  const changes = await api('GET', `/api/v1/integrations/${id}/query-changes`);
  const rows = changes.map(change => el('tr', {},
    el('td', { text: when(change.at) }), el('td', { text: change.changedBy }),
    el('td', { class: 'token', text: change.oldSha256 ? change.oldSha256.slice(0, 12) + '…' : '(first query)' }),
    el('td', { class: 'token', text: change.newSha256.slice(0, 12) + '…' })));
  return el('table', {}, el('caption', { text: 'Changes of the SQL query' }),
    el('thead', {}, el('tr', {}, ...['When', 'By', 'Query before (SHA-256)', 'Query after (SHA-256)'].map(text => el('th', { scope: 'col', text })))),
    el('tbody', {}, ...rows));
}

function renderFiles(files) {
  return el('table', {}, el('caption', { text: `Files received: ${files.length}` }),
    el('thead', {}, el('tr', {}, ...['File', 'Size', 'SHA-256', 'Received', 'Agent\'s check'].map(text => el('th', { scope: 'col', text })))),
    el('tbody', {}, ...files.map(file => el('tr', {},
      el('td', { text: file.fileName }), el('td', { text: String(file.size) }),
      el('td', { class: 'token', text: file.sha256.slice(0, 16) + '…' }), el('td', { text: when(file.receivedAt) }), renderCheck(file.check)))));
}

function renderWindows(windows) {
  const rows = windows.reduce((total, window) => total + window.rows, 0);
  return el('table', {}, el('caption', { text: `Database windows received: ${windows.length}, ${rows} rows` }),
    el('thead', {}, el('tr', {}, ...['From', 'To', 'Rows', 'Received'].map(text => el('th', { scope: 'col', text })))),
    el('tbody', {}, ...windows.map(window => el('tr', {},
      el('td', { text: window.from }), el('td', { text: window.to }), el('td', { text: String(window.rows) }), el('td', { text: when(window.receivedAt) })))));
}

async function renderTokens() {
  const tokens = await api('GET', '/api/v1/tokens');
  const message = document.getElementById('token-new');
  document.getElementById('token-list').replaceChildren(...tokens.map(token => el('tr', {},
    el('td', { text: token.name }), el('td', { text: when(token.createdAt) }), el('td', { text: when(token.lastUsedAt) }),
    el('td', { text: token.revokedAt ? `revoked ${when(token.revokedAt)}` : 'live' }),
    el('td', {}, token.revokedAt ? null : el('button', { type: 'button', text: `Revoke ${token.name}`,
      onclick: () => act(message, () => api('DELETE', `/api/v1/tokens/${token.id}`)) })))));
}

async function start() {
  const session = await api('GET', '/api/v1/session');
  csrf = session.csrfToken || '';
  document.getElementById('sign-out-token').value = csrf;
  document.getElementById('who').textContent = `${session.email} · account ${session.accountName}`;
  const pageError = document.getElementById('page-error');
  document.getElementById('add').addEventListener('submit', event => {
    event.preventDefault();
    const form = event.target;
    act(pageError, async () => {
      await api('POST', '/api/v1/integrations', { name: form.elements.name.value, type: form.elements.type.value });
      form.reset();
      pageError.textContent = '';
    });
  });
  document.getElementById('token-add').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    const output = document.getElementById('token-new');
    try {
      const created = await api('POST', '/api/v1/tokens', { name: form.elements.name.value });
      form.reset();
      await renderTokens();
      output.className = 'token';
      output.textContent = `New token "${created.name}" (copy it now; it is not shown again): ${created.token}`;
    } catch (error) { showError(output, error); }
  });
  await render();
}

document.addEventListener('DOMContentLoaded', () => start().catch(error => showError(document.getElementById('page-error'), error)));
