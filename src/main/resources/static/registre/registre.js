// Registre des conventions: a plain script over the JSON API /registre/api (same session as Tasklist).
(function () {
  'use strict';
  const api = '/registre/api';
  const state = { tri: 'numero', ordre: 'asc', page: 0, taille: 50, total: 0 };
  const $ = (selector) => document.querySelector(selector);

  function text(value) { return value === null || value === undefined ? '' : String(value); }
  function frenchDate(iso) {
    if (!iso) { return ''; }
    const [y, m, d] = iso.substring(0, 10).split('-');
    return d + '/' + m + '/' + y;
  }
  function frenchDateTime(iso) {
    if (!iso) { return ''; }
    return frenchDate(iso) + ' ' + iso.substring(11, 16);
  }
  function cell(row, content, className) {
    const td = document.createElement('td');
    if (content instanceof Node) { td.appendChild(content); } else { td.textContent = text(content); }
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }
  function showError(message) {
    $('#erreur-message').textContent = message;
    $('#erreur').hidden = !message;
  }
  // a refusal shows its French message; without a Tasklist session, the page asks to log in
  async function call(path, options) {
    try {
      return await window.apiRegistre((options && options.method) || 'GET', api + path);
    } catch (error) {
      if (error.status === 401) {
        ['#registre', '#calendrier'].forEach((hidden) => { $(hidden).hidden = true; });
        $('#connexion').hidden = false;
        throw new Error('non connecté');
      }
      if (error.status) { showError(error.message); }
      throw error;
    }
  }

  function filters() {
    const parameters = new URLSearchParams();
    new FormData($('#filtres')).forEach((value, name) => { if (String(value).trim() !== '') { parameters.set(name, value); } });
    parameters.set('tri', state.tri);
    parameters.set('ordre', state.ordre);
    return parameters;
  }

  async function load() {
    showError('');
    const parameters = filters();
    $('#export-csv').href = api + '/conventions.csv?' + parameters.toString();
    parameters.set('page', state.page);
    parameters.set('taille', state.taille);
    const page = await call('/conventions?' + parameters.toString());
    state.total = page.total;
    const body = $('#conventions tbody');
    body.replaceChildren();
    page.lignes.forEach((line) => body.appendChild(row(line)));
    const pages = Math.max(1, Math.ceil(page.total / state.taille));
    $('#resume').textContent = page.total + ' convention' + (page.total > 1 ? 's' : '');
    $('#page-courante').textContent = 'page ' + (state.page + 1) + ' sur ' + pages;
    paging(pages);
    document.querySelectorAll('th[data-tri]').forEach((th) => {
      const sorted = th.dataset.tri === state.tri;
      const button = th.querySelector('button');
      if (sorted) { th.setAttribute('aria-sort', state.ordre === 'asc' ? 'ascending' : 'descending'); } else { th.removeAttribute('aria-sort'); }
      button.className = 'fr-btn fr-btn--sm fr-btn--sort' + (sorted ? (state.ordre === 'asc' ? '-asc' : '-desc') : '');
      button.textContent = 'Trier par « ' + th.dataset.libelle + ' »'
        + (sorted && state.ordre === 'asc' ? ' (ordre décroissant)' : '');
    });
  }

  // The pagination is drawn again: the focus goes back to the control used, or to the current page when that
  // control is no longer active (last page reached), so that keyboard users do not start over from the top.
  function goTo(page, controlId) {
    state.page = page;
    load().then(() => {
      const control = controlId && document.getElementById(controlId);
      (control && control.hasAttribute('href') ? control : $('#pages [aria-current=page]')).focus();
    }).catch(() => {});
  }

  // DSFR pagination: first, previous, a few numbered pages around the current one, next, last.
  function paging(pages) {
    const list = $('#pages');
    list.replaceChildren();
    const item = (label, target, className, id, title) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.className = 'fr-pagination__link' + (className ? ' ' + className : '');
      a.textContent = label;
      if (id) { a.id = id; }
      if (title) { a.title = title; }
      if (target < 0 || target >= pages) {
        a.setAttribute('aria-disabled', 'true');
        a.setAttribute('role', 'link');
      } else {
        if (target === state.page) { a.setAttribute('aria-current', 'page'); }
        a.href = '#page-' + (target + 1);
        a.addEventListener('click', (event) => { event.preventDefault(); goTo(target, a.id); });
      }
      li.appendChild(a);
      list.appendChild(li);
    };
    item('Première page', state.page === 0 ? -1 : 0, 'fr-pagination__link--first');
    item('Page précédente', state.page - 1, 'fr-pagination__link--prev fr-pagination__link--lg-label', 'page-precedente');
    const from = Math.max(0, Math.min(state.page - 2, pages - 5));
    for (let p = from; p < Math.min(pages, from + 5); p++) { item(String(p + 1), p, '', '', 'Page ' + (p + 1)); }
    item('Page suivante', state.page + 1, 'fr-pagination__link--next fr-pagination__link--lg-label', 'page-suivante');
    item('Dernière page', state.page === pages - 1 ? -1 : pages - 1, 'fr-pagination__link--last');
  }

  function row(line) {
    const tr = document.createElement('tr');
    const link = document.createElement('a');
    link.href = '#' + line.numero;
    link.className = 'numero';
    link.textContent = line.numero;
    link.addEventListener('click', (event) => { event.preventDefault(); openDetail(line.numero); });
    cell(tr, link);
    cell(tr, line.communeNom + ' (' + line.communeInsee + ')');
    cell(tr, line.statutLibelle, line.joursALEtape > 30 ? 'bloquee' : '');
    cell(tr, frenchDate(line.dateSignature));
    cell(tr, frenchDate(line.dernierJourPeriodeInitiale));
    cell(tr, frenchDate(line.prochainAnniversaire));
    cell(tr, frenchDate(line.limiteDenonciation));
    cell(tr, 'v' + line.version + (line.avenants ? ' (' + line.avenants + ' avenant' + (line.avenants > 1 ? 's' : '') + ')' : ''));
    cell(tr, line.incidentsOuverts || '');
    cell(tr, line.aafDerniere ? frenchDateTime(line.aafDerniere) + ' – ' + text(line.aafResume) : '',
      line.aafResultat ? 'aaf-' + line.aafResultat : '');
    cell(tr, frenchDate(line.prochainComite));
    return tr;
  }

  // What the convention says today (its record), and its versions.
  function showRecord(detail) {
    const data = detail.donnees;
    $('#detail-donnees').hidden = !data;
    if (!data) { return; }
    const contact = (c) => c ? [c.nom, c.telephone, c.email].filter(Boolean).join(', ') : '';
    const facts = [
      ['Commune', data.communeNom + (data.communeAdresse ? ' – ' + data.communeAdresse : '')],
      ['Maire', data.maireNom],
      ['Référent ENT', contact(data.referentEnt)],
      ['Éditeur de l’ENT', data.editeurEnt],
      ['Exploitant de l’ENT', data.exploitantEnt],
      ['Correspondants techniques', (data.correspondantsTechniques || []).map(contact).join(' ; ')],
      ['Délégué à la protection des données de la commune', contact(data.dpoCommune) || 'non indiqué']
    ];
    const list = $('#detail-donnees-liste');
    list.replaceChildren();
    facts.forEach(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = text(value);
      list.append(dt, dd);
    });
    const schools = $('#detail-ecoles');
    schools.replaceChildren();
    (data.ecoles || []).forEach((ecole) => {
      const li = document.createElement('li');
      li.textContent = ecole.nom + ' (' + ecole.uai + ')' + (ecole.adresse ? ' – ' + ecole.adresse : '');
      schools.appendChild(li);
    });
    const versions = $('#detail-versions tbody');
    versions.replaceChildren();
    detail.versions.forEach((version) => {
      const tr = document.createElement('tr');
      [String(version.version), version.etat, frenchDate(version.depuis), version.origine].forEach((value) => cell(tr, value));
      versions.appendChild(tr);
    });
  }

  async function openDetail(numero) {
    const detail = await call('/conventions/' + encodeURIComponent(numero));
    const line = detail.convention;
    $('#detail-titre').textContent = 'Convention ' + line.numero + ' – commune de ' + line.communeNom;
    $('#detail-statut').textContent = line.statutLibelle + (line.dateSignature ? ' ; signée le ' + frenchDate(line.dateSignature) : '');
    showRecord(detail);
    const documents = $('#detail-documents');
    documents.replaceChildren();
    detail.documents.forEach((document_) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = api + '/conventions/' + encodeURIComponent(line.numero) + '/documents/' + encodeURIComponent(document_.id);
      a.textContent = document_.libelle;
      li.appendChild(a);
      li.appendChild(document.createTextNode(' – ' + document_.fichier + ' (' + text(document_.processus) + ', ' + frenchDateTime(document_.date) + ')'));
      documents.appendChild(li);
    });
    if (detail.documents.length === 0) { documents.innerHTML = '<li>Aucun document pour l’instant.</li>'; }
    const timeline = $('#detail-chronologie tbody');
    timeline.replaceChildren();
    detail.chronologie.forEach((event) => {
      const tr = document.createElement('tr');
      [frenchDateTime(event.date), event.processus, event.etape, event.acteur, event.decision, event.motif]
        .forEach((value) => cell(tr, value));
      timeline.appendChild(tr);
    });
    const cockpit = $('#detail-cockpit');
    cockpit.hidden = detail.cockpit.length === 0;
    const links = cockpit.querySelector('ul');
    links.replaceChildren();
    detail.cockpit.forEach((link) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = link.url;
      a.textContent = link.libelle;
      li.appendChild(a);
      links.appendChild(li);
    });
    $('#detail').hidden = false;
    $('#detail').scrollIntoView();
    $('#detail').focus({ preventScroll: true });
  }

  async function calendar(method) {
    const result = await call('/calendrier', { method: method });
    const address = $('#calendrier-adresse');
    if (result && result.adresse) {
      address.value = result.adresse;
      $('#calendrier-champ').hidden = false;
      $('#calendrier-etat').textContent = 'Nouvelle adresse créée : copiez-la dans votre agenda (elle ne sera plus affichée).';
    } else {
      $('#calendrier-champ').hidden = true;
      $('#calendrier-etat').textContent = 'Adresse révoquée : votre agenda ne reçoit plus les échéances.';
    }
  }

  // A DSFR sort button in the column header: the keyboard reaches it, the header says how the column is sorted.
  function sortButton(th) {
    th.dataset.libelle = th.textContent.trim();
    const wrapper = document.createElement('div');
    wrapper.className = 'fr-cell--sort';
    const title = document.createElement('span');
    title.className = 'fr-cell__title';
    title.textContent = th.dataset.libelle;
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'tri-' + th.dataset.tri;
    button.addEventListener('click', () => {
      state.ordre = state.tri === th.dataset.tri && state.ordre === 'asc' ? 'desc' : 'asc';
      state.tri = th.dataset.tri;
      state.page = 0;
      load().catch(() => {});
    });
    wrapper.append(title, button);
    th.replaceChildren(wrapper);
  }

  async function start() {
    let me;
    try { me = await call('/moi'); } catch (e) { return; }
    $('#utilisateur').textContent = '(connecté : ' + me.utilisateur + ')';
    $('#perimetre').textContent = 'Vous voyez ' + me.perimetre + '.';
    $('#lien-campagnes').hidden = !me.campagnes;
    $('#lien-delegations').hidden = !me.delegations && !me.absences;
    $('#lien-tableau-de-bord').hidden = !me.tableauDeBord;
    $('#calendrier-etat').textContent = me.calendrierCreeLe
      ? 'Une adresse existe depuis le ' + frenchDateTime(me.calendrierCreeLe) + '.' : 'Vous n’avez pas encore d’adresse.';
    $('#registre').hidden = false;
    $('#calendrier').hidden = false;
    $('#filtres').addEventListener('submit', (event) => { event.preventDefault(); state.page = 0; load().catch(() => {}); });
    $('#filtres').addEventListener('reset', () => setTimeout(() => { state.page = 0; load().catch(() => {}); }));
    document.querySelectorAll('th[data-tri]').forEach(sortButton);
    $('#fermer-detail').addEventListener('click', () => { $('#detail').hidden = true; });
    $('#calendrier-creer').addEventListener('click', () => calendar('POST').catch(() => {}));
    $('#calendrier-revoquer').addEventListener('click', () => calendar('DELETE').catch(() => {}));
    // #page-3 (a pagination link opened in a new tab) is a page of the list; any other #… a convention number.
    const hash = decodeURIComponent(location.hash.substring(1));
    const pageInHash = /^page-(\d+)$/.exec(hash);
    if (pageInHash) { state.page = Math.max(0, Number(pageInHash[1]) - 1); }
    await load().catch(() => {});
    if (hash && !pageInHash) { openDetail(hash).catch(() => {}); }
  }

  start();
}());
