/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
// Upload progress for the ingestion form: the browser's own upload events give the bytes sent; once the server has
// the file it redirects to the load's page, which then shows bytes and rows read from the manifest. Without this
// script the form still works (a plain multipart POST), only without the bar.
(function () {
  var form = document.getElementById('upload');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var bar = document.getElementById('u-progress');
  var status = document.getElementById('u-status');
  form.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    if (!submitter || submitter.value !== 'load') return; // the dry run is a normal page request
    event.preventDefault();
    var data = new FormData(form);
    data.set('mode', 'load');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      var pct = Math.floor(e.loaded * 100 / e.total);
      bar.value = pct;
      bar.textContent = pct + ' %';
      status.textContent = 'Sent ' + e.loaded + ' of ' + e.total + ' bytes';
    });
    xhr.addEventListener('load', function () {
      // A load answers 303 to its page; XHR follows it, so responseURL is where to go. A refusal is this page again.
      if (xhr.responseURL && /\/console\/ingestions\/[0-9a-f-]{36}$/.test(xhr.responseURL)) {
        window.location.assign(xhr.responseURL);
      } else {
        document.open();
        document.write(xhr.responseText);
        document.close();
      }
    });
    xhr.addEventListener('error', function () { status.textContent = 'The upload failed: the connection was lost.'; });
    status.textContent = 'Uploading…';
    xhr.send(data);
  });
})();
