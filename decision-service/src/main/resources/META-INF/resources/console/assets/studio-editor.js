/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
// The rules studio's DMN editor page: opens the classic KIE DMN editor (window.DmnEditor from /console/assets/kie/dmn/index.js)
// on the stored version, flags unsaved changes, and saves getContent() as a new draft through the console's POST.
(function () {
  const root = document.getElementById('studio-editor');
  if (!root) return;
  const status = document.getElementById('editor-status');
  const dirtyFlag = document.getElementById('dirty');
  const saveButton = document.getElementById('save');
  const result = document.getElementById('save-result');
  const canWrite = root.dataset.canWrite === 'true';
  let dirty = false;

  if (!window.DmnEditor) {
    status.textContent = 'The DMN editor script did not load.';
    return;
  }
  const editor = window.DmnEditor.open({
    container: document.getElementById('dmn-container'),
    initialContent: fetch(root.dataset.contentUrl, {credentials: 'same-origin'}).then(r => {
      if (!r.ok) throw new Error('content ' + r.status);
      return r.text();
    }),
    readOnly: !canWrite,
    origin: window.location.origin,
    resources: new Map()
  });
  window.__studioEditor = editor; // the browser test drives it through this handle
  status.textContent = 'Editor open.';
  if (saveButton) saveButton.disabled = false;

  editor.subscribeToContentChanges(isDirty => {
    dirty = isDirty;
    dirtyFlag.hidden = !isDirty;
  });
  window.addEventListener('beforeunload', e => {
    if (!dirty) return;
    e.preventDefault();
    e.returnValue = '';
  });

  function line(text, cls) {
    const li = document.createElement('li');
    li.textContent = text;
    if (cls) li.className = cls;
    return li;
  }

  function where(m) {
    const parts = [];
    if (m.element) parts.push('element ' + m.element);
    if (m.line) parts.push('line ' + m.line + (m.column ? ':' + m.column : ''));
    return parts.length ? ' (' + parts.join(', ') + ')' : '';
  }

  async function save() {
    saveButton.disabled = true;
    result.textContent = 'Validating…';
    try {
      const xml = await editor.getContent();
      const body = new URLSearchParams();
      body.set('csrf', root.dataset.csrf);
      body.set('content', xml);
      body.set('parent', root.dataset.parent);
      body.set('note', document.getElementById('note').value);
      const r = await fetch(root.dataset.saveUrl, {method: 'POST', body, credentials: 'same-origin', headers: {Accept: 'application/json'}});
      const answer = await r.json();
      result.replaceChildren();
      if (r.ok && answer.stored) {
        editor.markAsSaved();
        dirty = false;
        dirtyFlag.hidden = true;
        const p = document.createElement('p');
        p.className = 'notice';
        p.id = 'saved';
        p.append(answer.summary + ' Draft ');
        const code = document.createElement('code');
        code.id = 'saved-hash';
        code.textContent = answer.hash;
        const a = document.createElement('a');
        a.href = answer.page;
        a.textContent = 'to the rule set';
        p.append(code, ' · ', a);
        result.append(p);
      } else {
        const box = document.createElement('div');
        box.className = 'problem';
        box.id = 'save-problem';
        box.setAttribute('role', 'alert');
        const strong = document.createElement('strong');
        strong.textContent = answer.summary || answer.title || ('Refused (' + r.status + ')');
        box.append(strong);
        const list = document.createElement('ul');
        (answer.messages || []).forEach(m => list.append(line(m.severity + (m.code ? ' [' + m.code + ']' : '') + ' ' + m.message + where(m))));
        (answer.errors || []).forEach(f => list.append(line(f.message + where(f))));
        if (answer.detail) list.append(line(answer.detail));
        box.append(list);
        result.append(box);
      }
    } catch (e) {
      result.textContent = 'Save failed: ' + e.message;
    } finally {
      saveButton.disabled = false;
    }
  }
  if (saveButton) saveButton.addEventListener('click', save);
})();
