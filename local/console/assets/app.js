// The test console page. Plain browser JavaScript, no build step: it talks to the loopback-only
// development routes (/dev/*) and renders what the skill said. Text from the skill is always put
// in the page with textContent, never as HTML: speech and cards hold names like "O'Neill" and
// titles like "Senior Engineer <Platform>".

const $ = (id) => document.getElementById(id);

const elements = {
  skillName: $('skill-name'),
  locale: $('locale'),
  device: $('device'),
  screen: $('screen'),
  openSkill: $('open-skill'),
  invocationName: $('invocation-name'),
  reset: $('reset'),
  conversation: $('conversation'),
  utteranceForm: $('utterance-form'),
  utterance: $('utterance'),
  send: $('send'),
  exchange: $('exchange'),
  requestJson: $('request-json'),
  responseJson: $('response-json'),
  card: $('card'),
  session: $('session'),
  envelopeForm: $('envelope-form'),
  envelope: $('envelope'),
  useLast: $('use-last'),
  sendEnvelope: $('send-envelope'),
};

const history = [];
let historyAt = 0;
let exchanges = [];
let lastRequest;
let skillName = 'Front Desk';
let invocationName = 'front desk';

async function api(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw new Error(payload.error ?? `HTTP ${response.status}`);
  return payload;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function scrollConversation() {
  elements.conversation.scrollTop = elements.conversation.scrollHeight;
}

function addBubble(kind, text, meta) {
  const item = element('li', `bubble bubble-${kind}`, text);
  item.dataset.role = kind;
  if (meta) item.append(element('span', 'bubble-meta', meta));
  elements.conversation.append(item);
  scrollConversation();
  return item;
}

function addNote(text) {
  const item = element('li', 'bubble-note', text);
  item.dataset.role = 'note';
  elements.conversation.append(item);
  scrollConversation();
}

function addDivider(text) {
  elements.conversation.append(element('li', 'session-divider', text));
  scrollConversation();
}

/** JSON with keys, strings and numbers in colour, built from text nodes only. */
function renderJson(target, value) {
  target.replaceChildren();
  if (value === undefined) {
    target.append(element('span', 'empty', 'Nothing yet.'));
    return;
  }
  const text = JSON.stringify(value, null, 2);
  const token = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
  let last = 0;
  for (const match of text.matchAll(token)) {
    if (match.index > last) target.append(text.slice(last, match.index));
    if (match[1] !== undefined) {
      target.append(element('span', match[2] ? 'key' : 'string', match[1]));
      if (match[2]) target.append(match[2]);
    } else if (match[3] !== undefined) {
      target.append(element('span', 'literal', match[3]));
    } else {
      target.append(element('span', 'number', match[4]));
    }
    last = match.index + match[0].length;
  }
  target.append(text.slice(last));
}

function showExchange(index) {
  const exchange = exchanges[index];
  renderJson(elements.requestJson, exchange?.request);
  renderJson(elements.responseJson, exchange?.response);
}

function showExchanges(list) {
  exchanges = list;
  elements.exchange.replaceChildren();
  elements.exchange.hidden = list.length < 2;
  list.forEach((exchange, index) => {
    const option = element(
      'option',
      '',
      `Request ${index + 1} of ${list.length}: ${exchange.request.request.type}`,
    );
    option.value = String(index);
    elements.exchange.append(option);
  });
  if (list.length > 0) {
    elements.exchange.value = String(list.length - 1);
    lastRequest = list[list.length - 1].request;
    showExchange(list.length - 1);
  }
}

function renderCard(card) {
  elements.card.replaceChildren();
  if (!card) {
    elements.card.append(element('p', 'empty', 'This response has no card.'));
    return;
  }
  const view = element('div', 'alexa-card');
  view.dataset.testid = 'card';
  view.append(element('div', 'alexa-card-skill', skillName));
  if (card.imageUrl) {
    const image = element('img');
    image.src = card.imageUrl;
    image.alt = '';
    view.append(image);
  }
  view.append(element('h3', 'alexa-card-title', card.title));
  view.append(element('p', 'alexa-card-text', card.text));
  elements.card.append(view);
}

/**
 * What an Echo Show shows for the response: the APL document's data (heading, lines, footer).
 * A line of a list is a button: clicking it touches the screen, as a finger on the device would.
 */
function renderScreen(screen, state) {
  elements.screen.replaceChildren();
  if (state.device !== 'screen') {
    elements.screen.append(
      element(
        'p',
        'empty',
        'The device has no screen. Pick "Echo Show (screen)" to see what the skill shows.',
      ),
    );
    return;
  }
  if (!screen) {
    elements.screen.append(element('p', 'empty', 'This response shows nothing on the screen.'));
    return;
  }
  const view = element('div', 'echo-show');
  view.dataset.testid = 'screen';
  view.dataset.token = screen.token ?? '';
  view.append(element('h3', 'echo-show-heading', screen.heading));
  if (screen.subheading) view.append(element('p', 'echo-show-subheading', screen.subheading));
  const list = element('ul', 'echo-show-lines');
  for (const line of screen.lines) {
    const item = element('li');
    const target = line.touch ? element('button', 'echo-show-touch') : element('div', 'echo-show-row');
    if (line.touch) {
      target.type = 'button';
      target.title = `Touch: ${line.touch.join(' ')}`;
      target.addEventListener('click', () => touch(line.touch));
    }
    if (line.detail && !line.touch) target.append(element('span', 'echo-show-label', line.detail));
    target.append(element('span', 'echo-show-text', line.text));
    if (line.detail && line.touch) target.append(element('span', 'echo-show-detail', line.detail));
    item.append(target);
    list.append(item);
  }
  view.append(list);
  if (screen.footer) view.append(element('p', 'echo-show-footer', screen.footer));
  elements.screen.append(view);
}

function renderSession(state) {
  const list = element('dl');
  const row = (label, value) => {
    list.append(element('dt', '', label));
    const cell = element('dd');
    if (value instanceof Node) cell.append(value);
    else cell.textContent = value;
    list.append(cell);
  };
  const pill = element(
    'span',
    `pill ${state.open ? 'pill-open' : 'pill-closed'}`,
    state.open ? 'open' : 'closed',
  );
  pill.id = 'session-status';
  row('Session', pill);
  row('Locale', state.locale);
  row('Device', state.device === 'screen' ? 'Echo Show (screen)' : 'Echo (no screen)');
  row('Speaker', state.speaker ?? 'an unrecognised voice');
  if (state.sessionId) row('Session id', state.sessionId);
  if (state.expecting) row('Expecting', state.expecting);
  const attributes = element('pre');
  attributes.id = 'session-attributes';
  renderJson(attributes, state.attributes);
  row('Attributes', attributes);
  elements.session.replaceChildren(list);
}

function busy(on) {
  for (const button of [elements.send, elements.sendEnvelope, elements.openSkill, elements.reset]) {
    button.disabled = on;
  }
}

function showTurn(turn) {
  if (turn.note) addNote(turn.note);
  const meta = [turn.heard, turn.sample ? `‹${turn.sample}›` : ''].filter(Boolean).join('  ');
  if (turn.exchanges.length > 0 || turn.alexaPrompt) {
    const speech = turn.speech || '(Alexa says nothing)';
    const bubble = addBubble('alexa', speech, meta || undefined);
    if (!turn.speech) bubble.classList.add('silent');
  }
  if (turn.exchanges.length > 0) {
    showExchanges(turn.exchanges);
    renderCard(turn.card);
    renderScreen(turn.screen, turn.state);
  }
  renderSession(turn.state);
  if (!turn.sessionOpen && turn.exchanges.length > 0) addDivider('session ended');
}

async function say(text) {
  addBubble('user', text);
  busy(true);
  try {
    showTurn(await api('/dev/utterance', { text }));
  } catch (error) {
    addNote(error.message);
  } finally {
    busy(false);
    elements.utterance.focus();
  }
}

async function touch(args) {
  addBubble('user', `[touch ${args.join(' ')}]`);
  busy(true);
  try {
    showTurn(await api('/dev/touch', { arguments: args }));
  } catch (error) {
    addNote(error.message);
  } finally {
    busy(false);
  }
}

elements.utteranceForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = elements.utterance.value.trim();
  if (!text) return;
  history.push(text);
  historyAt = history.length;
  elements.utterance.value = '';
  say(text);
});

elements.utterance.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  if (history.length === 0) return;
  event.preventDefault();
  historyAt = Math.max(0, Math.min(history.length, historyAt + (event.key === 'ArrowUp' ? -1 : 1)));
  elements.utterance.value = history[historyAt] ?? '';
});

elements.openSkill.addEventListener('click', () => say(`open ${invocationName}`));

elements.reset.addEventListener('click', async () => {
  try {
    const view = await api('/dev/reset', {});
    renderSession(view.state);
    addDivider('session reset');
  } catch (error) {
    addNote(error.message);
  }
});

elements.locale.addEventListener('change', async () => {
  try {
    const view = await api('/dev/locale', { locale: elements.locale.value });
    // Each locale's model has its own invocation name ("büroempfang" in de-DE).
    invocationName = view.invocationName;
    elements.invocationName.textContent = invocationName;
    renderSession(view.state);
    addDivider(`locale ${view.state.locale}`);
  } catch (error) {
    addNote(error.message);
  }
});

elements.device.addEventListener('change', async () => {
  try {
    const view = await api('/dev/device', { device: elements.device.value });
    renderSession(view.state);
    renderScreen(undefined, view.state);
    addDivider(view.state.device === 'screen' ? 'device: Echo Show (screen)' : 'device: Echo (no screen)');
  } catch (error) {
    addNote(error.message);
  }
});

elements.exchange.addEventListener('change', () => showExchange(Number(elements.exchange.value)));

elements.useLast.addEventListener('click', () => {
  if (lastRequest) elements.envelope.value = JSON.stringify(lastRequest, null, 2);
});

elements.envelopeForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  let envelope;
  try {
    envelope = JSON.parse(elements.envelope.value);
  } catch (error) {
    addNote(`The envelope is not JSON: ${error.message}`);
    return;
  }
  const type = envelope?.request?.type ?? 'envelope';
  const intent = envelope?.request?.intent?.name;
  addBubble('user', `[raw ${intent ?? type}]`);
  busy(true);
  try {
    showTurn(await api('/dev/envelope', envelope));
  } catch (error) {
    addNote(error.message);
  } finally {
    busy(false);
  }
});

async function start() {
  const view = await api('/dev/state');
  skillName = view.skillName;
  invocationName = view.invocationName;
  elements.skillName.textContent = skillName;
  elements.invocationName.textContent = invocationName;
  document.title = `${skillName} · Test console`;
  for (const locale of view.locales) elements.locale.append(element('option', '', locale));
  elements.locale.value = view.state.locale;
  elements.device.value = view.state.device;
  renderSession(view.state);
  renderScreen(undefined, view.state);
  renderJson(elements.requestJson, undefined);
  renderJson(elements.responseJson, undefined);
  document.body.dataset.ready = 'true';
  elements.utterance.focus();
}

// Who speaks, and end of day (issue 18): a voice profile by name or an unrecognised voice, on the
// same account; end of day checks out everyone still in, as the scheduled job does at closing time.
const speakerControls = { speaker: $('speaker'), endOfDay: $('end-of-day') };

speakerControls.speaker.addEventListener('change', async () => {
  const speaker = speakerControls.speaker.value || null;
  try {
    const view = await api('/dev/speaker', { speaker });
    renderSession(view.state);
    addDivider(speaker ? `speaker: ${speaker}` : 'speaker: an unrecognised voice');
  } catch (error) {
    addNote(error.message);
  }
});

speakerControls.endOfDay.addEventListener('click', async () => {
  speakerControls.endOfDay.disabled = true;
  try {
    const view = await api('/dev/end-of-day', {});
    addNote(view.message);
    renderSession(view.state);
  } catch (error) {
    addNote(error.message);
  } finally {
    speakerControls.endOfDay.disabled = false;
  }
});

start()
  .then(async () => {
    const view = await api('/dev/state');
    speakerControls.speaker.value = view.state.speaker ?? '';
  })
  .catch((error) => addNote(`The console could not start: ${error.message}`));
