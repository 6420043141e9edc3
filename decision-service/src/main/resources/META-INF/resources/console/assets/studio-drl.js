/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
// The rules studio's DRL editor: a textarea over a highlighted copy of its text (keywords, strings, comments, numbers,
// annotations), kept in step as you type and scroll, with the compiler's messages drawn at the end of their line.
// Self-written and small on purpose: no library, nothing fetched at run time.
(function () {
  const text = document.getElementById('drl-text');
  const out = document.getElementById('drl-highlight');
  if (!text || !out) return;
  const KEYWORDS = new Set(('package import global function declare end rule when then query extends salience no-loop lock-on-active '
    + 'agenda-group activation-group ruleflow-group date-effective date-expires enabled dialect duration timer calendars auto-focus '
    + 'and or not exists forall from collect accumulate over entry-point eval in contains matches memberOf soundslike modify insert '
    + 'insertLogical update retract delete true false null new return if else this').split(' '));
  const messages = new Map();
  document.querySelectorAll('.inline-message[data-line]').forEach(el => {
    const n = Number(el.dataset.line);
    messages.set(n, (messages.has(n) ? messages.get(n) + ' · ' : '') + el.textContent.trim());
  });
  // One pass over the text: comments, strings, numbers, words and annotations, everything else as it is.
  const TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)|(\b\d+(?:\.\d+)?[BbIiLl]?\b)|(@[A-Za-z_][\w-]*)|([A-Za-z_$][\w$-]*)/g;

  function span(cls, s) {
    const e = document.createElement('span');
    e.className = cls;
    e.textContent = s;
    return e;
  }

  function highlightLine(lineText, frag) {
    let last = 0;
    for (const m of lineText.matchAll(TOKEN)) {
      if (m.index > last) frag.append(lineText.slice(last, m.index));
      if (m[1]) frag.append(span('tok-comment', m[0]));
      else if (m[2]) frag.append(span('tok-string', m[0]));
      else if (m[3]) frag.append(span('tok-number', m[0]));
      else if (m[4]) frag.append(span('tok-annotation', m[0]));
      else if (KEYWORDS.has(m[5])) frag.append(span('tok-keyword', m[0]));
      else frag.append(m[0]);
      last = m.index + m[0].length;
    }
    if (last < lineText.length) frag.append(lineText.slice(last));
  }

  function render() {
    const frag = document.createDocumentFragment();
    // Block comments may span lines: highlight them whole first, then the rest line by line.
    const lines = text.value.split('\n');
    let inBlock = false;
    lines.forEach((l, i) => {
      const row = document.createElement('span');
      row.className = 'code-line' + (messages.has(i + 1) ? ' has-message' : '');
      if (inBlock) {
        const end = l.indexOf('*/');
        if (end < 0) { row.append(span('tok-comment', l)); } else {
          row.append(span('tok-comment', l.slice(0, end + 2)));
          highlightLine(l.slice(end + 2), row);
          inBlock = false;
        }
      } else {
        const open = l.lastIndexOf('/*');
        highlightLine(l, row);
        if (open >= 0 && l.indexOf('*/', open + 2) < 0 && !/"[^"]*\/\*/.test(l)) inBlock = true;
      }
      if (messages.has(i + 1)) row.append(span('tok-message', '   ◀ ' + messages.get(i + 1)));
      frag.append(row, '\n');
    });
    out.replaceChildren(frag);
    sync();
  }

  function sync() {
    out.parentElement.scrollTop = text.scrollTop;
    out.parentElement.scrollLeft = text.scrollLeft;
  }

  text.addEventListener('input', () => {
    // An edit moves lines: the compiler's messages belong to the text that was checked, so they go until the next save.
    messages.clear();
    render();
  });
  text.addEventListener('scroll', sync);
  text.addEventListener('keydown', e => {
    if (e.key !== 'Tab' || text.readOnly) return;
    e.preventDefault();
    text.setRangeText('    ', text.selectionStart, text.selectionEnd, 'end');
    render();
  });
  render();
})();
