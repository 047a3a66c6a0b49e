// What commands and their outcomes say to a person (as the desktop client's CommandWording):
// short, plain, no codes or stack traces.

/** "create 'Buy milk'", "rename to 'Buy oat milk'", "mark done", "delete". */
export function action(command) {
  switch (command.type) {
    case 'item.create': return `create '${command.data.title}'`;
    case 'item.delete': return 'delete';
    default: return command.data?.title != null ? `rename to '${command.data.title}'` : `mark ${command.data?.status ?? '?'}`;
  }
}

/** "Retrying in 2 s (attempt 3 of 6)"; tenths of a second below 10 s. */
export function retrying(delayMs, nextAttempt, maxAttempts) {
  const seconds = delayMs < 10_000 ? (delayMs / 1000).toFixed(1) : Math.round(delayMs / 1000);
  return `Retrying in ${seconds} s (attempt ${nextAttempt} of ${maxAttempts})`;
}

/**
 * Why a command did not happen: the backend's message, with what it means for the user; for a
 * conflict, what the item is now (current: the item as this page holds it, kept live by the socket).
 */
export function failure(receipt, current) {
  const failed = receipt.outcome;
  if (failed?.type === 'command.failed') {
    const code = failed.error?.code;
    if (code === 'conflict' && current) {
      // "alice changed this item first: the title is now 'Plan trip (June)' — your change was not applied."
      return `${failed.message || 'Someone changed this item first'}: ${nowWhat(receipt.command, current)
      } — your change was not applied.`;
    }
    const consequence = code === 'conflict' ? ' — your change was not applied.'
      : code === 'processing_failed' ? ' — nothing was changed; try again.'
        : ' — nothing was changed.';
    // the message is shown as sent: it may start with a user name, whose case matters
    return (failed.message || 'It failed') + consequence;
  }
  if (receipt.problem) {
    return `Not accepted: ${plain(receipt.problem)}`;
  }
  const what = receipt.command ? action(receipt.command) : receipt.commandId;
  return `No answer for '${what}' yet — it may still happen; the receipts panel will show it.`;
}

function plain(problem) {
  if (problem.status === 429) {
    return 'you are sending too fast; wait a moment.';
  }
  const first = problem.errors?.[0];
  if (first) {
    return `${first.field} ${first.message}`;
  }
  return problem.detail || problem.title || `HTTP ${problem.status}`;
}

/** "the title is now 'Buy oat milk'", "the status is now done", or both, for the fields the command wanted. */
function nowWhat(command, current) {
  const wanted = command?.data ?? {};
  const parts = [];
  if (wanted.title != null || wanted.status == null) {
    parts.push(`the title is now '${current.title}'`);
  }
  if (wanted.status != null || wanted.title == null) {
    parts.push(`the status is now ${current.status}`);
  }
  return parts.join(' and ');
}
