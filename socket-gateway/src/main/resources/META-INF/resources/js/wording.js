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

/** Why a command did not happen: the backend's message, with what it means for the user. */
export function failure(receipt) {
  const failed = receipt.outcome;
  if (failed?.type === 'command.failed') {
    const code = failed.error?.code;
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
