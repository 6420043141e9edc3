/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
// Console behaviour on top of htmx (every page works without either script: forms post, pages reload).
// htmx 2 swaps only 2xx answers by default; the console's refusals (400, 403, 404, 409, 422) are pages with the
// problem next to the form, so they are swapped in like any answer.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.htmx) return;
  htmx.config.responseHandling = [{ code: '204', swap: false }, { code: '[23]..', swap: true }, { code: '[45]..', swap: true, error: false }];
});

// A poll that would replace what the user is typing waits: no field of the region has focus or holds text.
window.outlayIdle = function (id) {
  var region = document.getElementById(id);
  if (!region) return false;
  if (region.contains(document.activeElement) && document.activeElement !== document.body) return false;
  var fields = region.querySelectorAll('textarea, input[type=text], input:not([type])');
  for (var i = 0; i < fields.length; i++) if (fields[i].value) return false;
  return true;
};
