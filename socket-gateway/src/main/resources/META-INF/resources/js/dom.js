// A tiny element builder: el('button', {type: 'button', dataset: {testid: 'x'}}, 'Text').

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key.startsWith('on')) {
      node.addEventListener(key.slice(2), value);
    } else if (key in node && key !== 'list') {
      node[key] = value;
    } else {
      node.setAttribute(key, value);
    }
  }
  node.append(...children.filter(child => child != null));
  return node;
}

/** 14:03:07.215 in the reader's locale, or '—'. */
export function clock(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return date.toLocaleTimeString([], { hour12: false }) + '.' + String(date.getMilliseconds()).padStart(3, '0');
}
