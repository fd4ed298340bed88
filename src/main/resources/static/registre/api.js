// The pages under /registre/ call their JSON API through this one function: the Tasklist session (same origin), the
// X-Requested-With header that protects writes against requests from other sites, an object sent as JSON (a FormData
// as it is), and the server's French message on a refusal, the HTTP status in error.status.
window.apiRegistre = function (method, url, body) {
  'use strict';
  var headers = { 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' };
  var json = body !== undefined && !(body instanceof FormData);
  if (json) { headers['Content-Type'] = 'application/json'; }
  return fetch(url, {
    method: method,
    body: json ? JSON.stringify(body) : body,
    credentials: 'same-origin',
    headers: headers
  }).then(function (response) {
    if (response.status === 204) { return null; }
    return response.json().catch(function () { return {}; }).then(function (data) {
      if (!response.ok) {
        var error = new Error(data.message || ('Erreur ' + response.status + ' du serveur.'));
        error.status = response.status;
        throw error;
      }
      return data;
    });
  });
};
