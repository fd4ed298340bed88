// Délégations de signature (cabinet du Recteur et administrateurs) et absences (chacun les siennes).
// Même connexion que Tasklist ; l'en-tête X-Requested-With protège les écritures contre les requêtes d'autres sites.
(function () {
  'use strict';

  var DELEGATIONS = '/registre/api/delegations';
  var ABSENCES = '/registre/api/absences';
  var me = null;

  function $(id) { return document.getElementById(id); }

  var request = window.apiRegistre;

  function showError(which, message) {
    $('alerte-' + which + '-message').textContent = message;
    $('alerte-' + which).hidden = false;
    $('alerte-' + which).focus();
  }

  function clearError(which) { $('alerte-' + which).hidden = true; }

  function announce(message) { $('etat').textContent = message; }

  function frenchDay(iso) {
    if (!iso) { return ''; }
    var parts = iso.split('-');
    var day = new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2], 12));
    return day.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
    return td;
  }

  function removeButton(label, onClick) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'fr-btn fr-btn--sm fr-btn--secondary';
    button.textContent = 'Retirer';
    var which = document.createElement('span');
    which.className = 'fr-sr-only';
    which.textContent = ' ' + label;
    button.appendChild(which);
    button.addEventListener('click', onClick);
    return button;
  }

  function scopeOf(d) {
    var scope = [];
    if (d.conventions) { scope.push('conventions'); }
    if (d.avenants) { scope.push('avenants'); }
    if (d.lettres) { scope.push('lettres'); }
    return scope.join(', ');
  }

  function loadDelegations() {
    return request('GET', DELEGATIONS).then(function (delegations) {
      var body = $('liste-delegations');
      body.textContent = '';
      delegations.forEach(function (d) {
        var row = document.createElement('tr');
        [d.utilisateur, d.nom, d.fonction, frenchDay(d.debut), frenchDay(d.fin), scopeOf(d)]
          .forEach(function (value) { cell(row, value); });
        cell(row, '').appendChild(removeButton('la délégation de ' + d.nom + ' du ' + frenchDay(d.debut),
          function () { remove(DELEGATIONS, d.id, 'delegation', 'Délégation retirée.', loadDelegations); }));
        body.appendChild(row);
      });
      $('aucune-delegation').hidden = delegations.length > 0;
    });
  }

  function loadAbsences() {
    return request('GET', ABSENCES).then(function (absences) {
      var body = $('liste-absences');
      body.textContent = '';
      absences.forEach(function (a) {
        var row = document.createElement('tr');
        [a.utilisateur, frenchDay(a.debut), frenchDay(a.fin), a.suppleant]
          .forEach(function (value) { cell(row, value); });
        var action = cell(row, '');
        if (a.utilisateur === me.utilisateur || me.delegations) {
          action.appendChild(removeButton('l’absence de ' + a.utilisateur + ' du ' + frenchDay(a.debut),
            function () { remove(ABSENCES, a.id, 'absence', 'Absence retirée.', loadAbsences); }));
        }
        body.appendChild(row);
      });
      $('aucune-absence').hidden = absences.length > 0;
    });
  }

  function remove(api, id, which, done, reload) {
    clearError(which);
    request('DELETE', api + '/' + id).then(function () {
      announce(done);
      return reload();
    }).catch(function (error) { showError(which, error.message); });
  }

  function submit(form, which, api, body, done, reload) {
    clearError(which);
    request('POST', api, body).then(function () {
      form.reset();
      announce(done);
      return reload();
    }).catch(function (error) { showError(which, error.message); });
  }

  function value(id) { return $(id).value.trim(); }

  function start() {
    request('GET', '/registre/api/moi').then(function (who) {
      me = who;
      if (me.delegations) {
        $('delegations').hidden = false;
        $('formulaire-delegation').addEventListener('submit', function (event) {
          event.preventDefault();
          submit(event.target, 'delegation', DELEGATIONS, {
            utilisateur: value('delegation-utilisateur'), nom: value('delegation-nom'),
            fonction: value('delegation-fonction'), debut: value('delegation-debut'), fin: value('delegation-fin'),
            conventions: $('delegation-conventions').checked, avenants: $('delegation-avenants').checked,
            lettres: $('delegation-lettres').checked
          }, 'Délégation enregistrée.', loadDelegations);
        });
        loadDelegations().catch(function (error) { showError('delegation', error.message); });
      }
      if (me.absences || me.delegations) {
        $('absences').hidden = false;
        $('champ-absent').hidden = !me.delegations;
        $('absences-legende').textContent = me.delegations ? 'Toutes les absences déclarées'
          : 'Vos absences et celles où vous êtes suppléant';
        $('formulaire-absence').addEventListener('submit', function (event) {
          event.preventDefault();
          var body = { debut: value('absence-debut'), fin: value('absence-fin'), suppleant: value('absence-suppleant') };
          if (me.delegations && value('absence-utilisateur')) { body.utilisateur = value('absence-utilisateur'); }
          submit(event.target, 'absence', ABSENCES, body, 'Absence déclarée.', loadAbsences);
        });
        loadAbsences().catch(function (error) { showError('absence', error.message); });
      }
      if (!me.delegations && !me.absences) {
        $('connexion-message').textContent = 'Cette page est réservée aux personnels de l’académie.';
        $('connexion').hidden = false;
      }
    }).catch(function (error) {
      var box = $('connexion-message');
      box.textContent = error.message + ' ';
      if (error.status === 401) {
        var link = document.createElement('a');
        link.href = '/camunda/app/tasklist/';
        link.textContent = 'Se connecter à Tasklist';
        box.appendChild(link);
      }
      $('connexion').hidden = false;
    });
  }

  start();
}());
