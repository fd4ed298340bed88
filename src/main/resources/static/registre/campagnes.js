// Campagnes : lancement, suivi de l'avancement (interrogé toutes les secondes) et rapport.
// Même connexion que Tasklist ; l'en-tête X-Requested-With protège le lancement contre les requêtes d'autres sites.
(function () {
  'use strict';

  var API = '/registre/api/campagnes';
  var POLL_MS = 1000;
  var MAX_FILE_BYTES = 5 * 1024 * 1024;
  var current = null;
  var timer = null;

  function $(id) { return document.getElementById(id); }

  var request = window.apiRegistre;

  function alert(message, withLoginLink) {
    var box = $('alerte-message');
    box.textContent = message + ' ';
    if (withLoginLink) {
      var link = document.createElement('a');
      link.href = '/camunda/app/tasklist/';
      link.textContent = 'Se connecter à Tasklist';
      box.appendChild(link);
    }
    $('alerte').hidden = false;
  }

  function clearAlert() { $('alerte').hidden = true; }

  function dateTime(iso) {
    return iso ? new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' }) : '';
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
    return td;
  }

  function loadList() {
    return request('GET', API).then(function (campaigns) {
      $('lancement').hidden = false;
      $('historique').hidden = false;
      var body = $('campagnes');
      body.textContent = '';
      campaigns.forEach(function (c) {
        var row = document.createElement('tr');
        [c.id, c.libelle, c.source, c.lancePar, dateTime(c.lanceLe), c.etatLibelle, c.demarrees, c.refusees]
          .forEach(function (value) { cell(row, value); });
        var link = document.createElement('a');
        link.href = '#' + c.id;
        link.className = 'fr-link';
        link.textContent = 'Voir le rapport';
        var which = document.createElement('span');
        which.className = 'fr-sr-only';
        which.textContent = ' de la campagne n° ' + c.id;
        link.appendChild(which);
        cell(row, '').appendChild(link);
        body.appendChild(row);
      });
      $('aucune').hidden = campaigns.length > 0;
    }).catch(function (error) {
      alert(error.message, error.status === 401);
    });
  }

  function show(id) {
    clearTimeout(timer);
    current = id;
    request('GET', API + '/' + id).then(function (report) {
      if (current !== id) { return; }
      render(report);
      if (report.campagne.etat === 'en-cours') {
        timer = setTimeout(function () { show(id); }, POLL_MS);
      } else {
        loadList();
      }
    }).catch(function (error) { alert(error.message, error.status === 401); });
  }

  function render(report) {
    var c = report.campagne;
    $('suivi').hidden = false;
    $('suivi-titre').textContent = 'Campagne n° ' + c.id + ' : ' + c.libelle;
    $('suivi-source').textContent = 'Source : ' + c.source + ' — lancée par ' + c.lancePar + ' le '
      + dateTime(c.lanceLe) + (c.termineLe ? ', terminée le ' + dateTime(c.termineLe) : '');
    $('barre').max = Math.max(c.total, 1);
    $('barre').value = c.traitees;
    $('suivi-etat').textContent = c.traitees + ' sur ' + c.total + ' lignes traitées — ' + c.demarrees
      + ' convention(s) démarrée(s), ' + c.refusees + ' ligne(s) refusée(s) — ' + c.etatLibelle + '.';
    $('rapport-csv').href = API + '/' + c.id + '/rapport.csv';
    var onlyRefused = $('seulement-refusees').checked;
    var body = $('lignes');
    body.textContent = '';
    report.lignes.forEach(function (line) {
      if (onlyRefused && line.resultat !== 'refusee') { return; }
      var row = document.createElement('tr');
      row.className = line.resultat;
      [line.ligne, line.codeInsee, line.commune, line.resultatLibelle, line.convention, line.motif]
        .forEach(function (value) { cell(row, value); });
      body.appendChild(row);
    });
  }

  function launch(event) {
    event.preventDefault();
    clearAlert();
    var data = new FormData();
    var libelle = $('libelle').value.trim();
    if (libelle) { data.append('libelle', libelle); }
    if (document.querySelector('input[name=source]:checked').value === 'fichier') {
      if (!$('fichier').files.length) { alert('Choisissez un fichier de codes INSEE.'); return; }
      var file = $('fichier').files[0];
      if (file.size > MAX_FILE_BYTES) { alert('Fichier trop volumineux (5 Mo au plus) : découpez-le.'); return; }
      data.append('fichier', file);
    } else {
      var departement = $('departement').value.trim();
      if (!departement) { alert('Indiquez un département, par exemple 78.'); return; }
      data.append('departement', departement);
    }
    $('lancer').disabled = true;
    request('POST', API, data).then(function (result) {
      $('formulaire').reset();
      toggleSource();
      location.hash = '#' + result.id;
      loadList();
    }).catch(function (error) {
      alert(error.message, error.status === 401);
    }).then(function () { $('lancer').disabled = false; });
  }

  function toggleSource() {
    var file = document.querySelector('input[name=source]:checked').value === 'fichier';
    $('choix-fichier').hidden = !file;
    $('choix-departement').hidden = file;
  }

  function fromHash() {
    var id = parseInt(location.hash.substring(1), 10);
    if (id > 0) { show(id); }
  }

  document.querySelectorAll('input[name=source]').forEach(function (radio) {
    radio.addEventListener('change', toggleSource);
  });
  $('formulaire').addEventListener('submit', launch);
  $('seulement-refusees').addEventListener('change', function () { if (current) { show(current); } });
  window.addEventListener('hashchange', fromHash);
  loadList().then(fromHash);
})();
