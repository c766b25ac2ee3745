/**
 * Makes the live chart `live` equal `fresh`, a detached drawing of it, with the fewest DOM
 * changes: elements at the same place with the same tag are kept and only their changed
 * attributes and text are written; the rest is moved over from `fresh`. A redraw then
 * restyles and lays out what changed (a path, a tick label), not a new chart, and elements
 * keep their keyboard focus. `fresh` is consumed.
 *
 * d3 event listeners (`__on`) and data (`__data__`) move to the kept element: a listener
 * must find the elements it changes from its event's target at event time, since the ones
 * it saw while drawing are the detached copies.
 */
export function patchSvg(live: Element, fresh: Element): void {
  patchAttributes(live, fresh);
  moveD3State(live, fresh);
  const next = Array.from(fresh.childNodes);
  for (let i = 0; i < next.length; i++) {
    const was = live.childNodes[i];
    const now = next[i];
    if (!was) live.appendChild(now);
    else if (was.nodeType === Node.TEXT_NODE && now.nodeType === Node.TEXT_NODE) {
      if (was.nodeValue !== now.nodeValue) was.nodeValue = now.nodeValue;
    } else if (isElement(was) && isElement(now) && was.tagName === now.tagName) {
      patchSvg(was, now);
    } else live.replaceChild(now, was);
  }
  while (live.childNodes.length > next.length) live.lastChild!.remove();
}

function isElement(n: Node): n is Element {
  return n.nodeType === Node.ELEMENT_NODE;
}

function patchAttributes(live: Element, fresh: Element): void {
  for (const a of Array.from(live.attributes)) {
    if (!fresh.hasAttributeNS(a.namespaceURI, a.localName)) live.removeAttributeNode(a);
  }
  for (const a of Array.from(fresh.attributes)) {
    if (live.getAttributeNS(a.namespaceURI, a.localName) !== a.value) {
      live.setAttributeNS(a.namespaceURI, a.name, a.value);
    }
  }
}

interface D3Listener {
  type: string;
  listener: EventListener;
  options?: boolean | AddEventListenerOptions;
}
type D3Node = Element & { __on?: D3Listener[]; __data__?: unknown };

function moveD3State(live: D3Node, fresh: D3Node): void {
  for (const o of live.__on ?? []) live.removeEventListener(o.type, o.listener, o.options);
  for (const o of fresh.__on ?? []) live.addEventListener(o.type, o.listener, o.options);
  if (live.__on || fresh.__on) live.__on = fresh.__on;
  if ('__data__' in live || '__data__' in fresh) live.__data__ = fresh.__data__;
}
