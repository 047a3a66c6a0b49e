// Wires the page: sign in, load the items, open the socket, and route frames, commands and
// states to the views. Behaves as the Java client library (dev.backchannel.client).

import { ChaosApi, CommandSender, QuerySide } from './api.js';
import { Backoff } from './backoff.js';
import { ChaosView } from './chaos-view.js';
import { ConnectionView } from './connection-view.js';
import { Flow } from './flow.js';
import { takeGivenToken } from './given-token.js';
import { FlowView } from './flow-view.js';
import { ProblemError } from './http.js';
import { Items } from './items.js';
import { Presence, describeMember } from './presence.js';
import { ItemsView } from './items-view.js';
import { Receipts } from './receipts.js';
import { ReceiptsView } from './receipts-view.js';
import { SessionTokens } from './session.js';
import { loadSettings } from './settings.js';
import { SocketSession } from './socket.js';
import { Toasts } from './toasts.js';
import { failure, retrying } from './wording.js';

const COMMAND_BACKOFF = new Backoff(200, 5000, 2);
const MAX_ATTEMPTS = 6;
const RECONNECT_BACKOFF = new Backoff(500, 30_000, 2);
const ITEMS_TOPIC = 'items';
const FLOW_LANES = 20;

const $ = testid => document.querySelector(`[data-testid="${testid}"]`);
const toasts = new Toasts($('toasts'));
const connection = new ConnectionView($('connection-state'));
const settingsLoaded = loadSettings();

const form = $('sign-in-form');
const userField = $('sign-in-user');
userField.value = new URLSearchParams(location.search).get('user') ?? '';
// a token given in the fragment (an external issuer's) replaces the demo sign-in
const givenToken = takeGivenToken(location, history, sessionStorage);
if (givenToken) {
  const label = userField.value || givenToken.claim('preferred_username') || givenToken.claim('sub') || 'you';
  settingsLoaded.then(settings => start(settings, label, givenToken)).catch(error => {
    const refusal = $('sign-in-error');
    refusal.textContent = `Could not connect with the given token: ${error.message}`;
    refusal.hidden = false;
  });
}
form.addEventListener('submit', async event => {
  event.preventDefault();
  const button = $('sign-in-submit');
  button.disabled = true;
  try {
    await start(await settingsLoaded, userField.value.trim());
  } catch (error) {
    const refusal = $('sign-in-error');
    refusal.textContent = `Could not sign in: ${error.message}`;
    refusal.hidden = false;
    button.disabled = false;
    userField.focus();
  }
});

async function start(settings, userId, given = null) {
  const tokens = given ?? new SessionTokens(settings.apiUrl, userId);
  await tokens.refresh();
  const query = new QuerySide(settings.queryUrl, tokens);
  const sender = new CommandSender(settings.apiUrl, tokens, COMMAND_BACKOFF, MAX_ATTEMPTS);
  const items = new Items();
  const presence = new Presence();
  const receipts = new Receipts(id => query.commandStatus(id));
  const flow = new Flow(FLOW_LANES);
  // an outcome the flow has not seen on the socket came through the query side (reset, timeout)
  receipts.listen(receipt => {
    flow.outcome(receipt.outcome, 'query');
    flow.state(receipt.commandId, receipt.state);
  });
  const socket = new SocketSession(settings.socketUrl, tokens, RECONNECT_BACKOFF, {
    onFrame: (frame, how) => {
      flow.outcome(frame, how?.replayed ? 'resume' : 'live');
      receipts.onFrame(frame);
      items.onFrame(frame);
      presence.onFrame(frame);
    },
    onState: state => {
      connection.show(state);
      if (state.kind === 'reset') {
        resync().catch(error => toasts.failure(`Could not reload the list: ${error.message}`, 'reload'));
      }
    },
  });

  async function resync() {
    const lookups = receipts.unsettled().map(r => query.commandStatus(r.commandId).then(s => receipts.onStatus(s)));
    const list = await query.items();
    items.reload(list);
    socket.seenUpTo(list.lastEventId);
    await Promise.all(lookups);
  }

  function submit(command) {
    const id = newId();
    const identified = { commandId: id, ...command };
    flow.sent(identified);
    receipts.track(identified);
    sender.send(identified, {
      onRetryScheduled: (delayMs, next, max) => {
        flow.retrying(id);
        const text = retrying(delayMs, next, max);
        toasts.neutral(text, id);
        receiptsView.retrying(id, text);
      },
    }).then(answer => {
      flow.accepted(id, answer);
      receipts.accepted(id, answer);
    }, error => {
      flow.refused(id, error instanceof ProblemError ? error.problem ?? { status: error.status } : null);
      if (error instanceof ProblemError) {
        receipts.rejected(id, error.problem);
      } else {
        receipts.gaveUp(id);
      }
    });
  }

  // the selected row's record is watched (items/<id>): who else is on it shows in that row
  let selected = null;
  const topicOf = id => `items/${id}`;
  function select(id) {
    if (selected === id) {
      return;
    }
    if (selected) {
      socket.clearPresence(topicOf(selected));
      socket.unsubscribe(topicOf(selected));
      presence.forget(topicOf(selected));
      itemsView.showPresence(selected, '');
    }
    selected = id;
    itemsView.markSelected(id);
    socket.setPresence(topicOf(id), null);
  }
  function editing(id, field) {
    select(id);
    socket.setPresence(topicOf(id), field ? { editing: field } : null);
  }
  presence.listen(topic => {
    if (selected && topic === topicOf(selected)) {
      itemsView.showPresence(selected, presence.others(topic, userId).map(describeMember).join(' · '));
    }
  });

  const itemsView = new ItemsView(document, items, {
    select,
    editing,
    create: (title, status) => submit({ type: 'item.create', entityId: newId(), data: { title, status } }),
    rename: (item, title, expectedVersion) => submit({ type: 'item.update', entityId: item.id, expectedVersion, data: { title } }),
    setStatus: (item, status) => submit({ type: 'item.update', entityId: item.id, expectedVersion: item.version, data: { status } }),
    remove: item => submit({ type: 'item.delete', entityId: item.id, expectedVersion: item.version }),
  }, userId);
  const receiptsView = new ReceiptsView(document, receipts);
  new FlowView($('flow-view'), $('flow-toggle'), flow);
  receipts.listen(receipt => {
    if (receipt.command == null) {
      return; // sent from another window of this user: that window tells its user
    }
    if (receipt.state === 'succeeded') {
      toasts.success(receipt.outcome.message, receipt.commandId);
    } else if (receipt.state === 'failed' || receipt.state === 'rejected') {
      toasts.failure(failure(receipt, receipt.command?.entityId && items.get(receipt.command.entityId)),
        receipt.commandId);
    } else if (receipt.state === 'unknown') {
      toasts.neutral(failure(receipt), receipt.commandId);
    }
  });

  await resync();
  socket.subscribe(ITEMS_TOPIC);
  socket.start();
  showWorkspace(userId);
  new ChaosView($('chaos-panel'), new ChaosApi(settings.apiUrl, tokens), toasts).load();

  // test hooks for browser tests, only when the gateway says so (backchannel.gateway.client.test-hooks):
  // drop the socket as a network would, or keep it offline until released
  if (settings.testHooks) {
    exposeTestHooks(settings, socket);
  }
}

function exposeTestHooks(settings, socket) {
  window.__backchannel = {
    settings,
    state: () => socket.state?.kind,
    connectionId: () => socket.connectionId,
    dropSocket: () => socket.drop(),
    holdSocket: () => socket.hold(),
    releaseSocket: () => socket.release(),
    protocol: () => (socket.v2 ? 'backchannel.v2' : 'backchannel.v1'),
  };
}

function showWorkspace(userId) {
  $('sign-in').hidden = true;
  $('workspace').hidden = false;
  const who = $('signed-in-user');
  who.textContent = `Signed in as ${userId}`;
  who.hidden = false;
  $('flow-toggle').hidden = false;
  $('create-title').focus();
}

/** A v4 UUID; crypto.randomUUID exists only in secure contexts (https, localhost). */
function newId() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
