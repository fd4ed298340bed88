// Tableau de bord: a plain script over /registre/api/tableau-de-bord (same session as Tasklist). Every chart is drawn
// with the DSFR's <bar-chart> and followed by its data table and a CSV link; the filters live in the page's address.
(function () {
  'use strict';
  const api = '/registre/api/tableau-de-bord';
  const $ = (selector) => document.querySelector(selector);
  const FILTERS = ['du', 'au', 'departement', 'circonscription', 'par', 'seuil'];

  // What each chart draws: the categories (x), then one series per value column (or per group for the steps).
  const CHARTS = [
    { name: 'etapes', x: 'etape', groupedBy: 'groupe', value: 'medianeJours', unit: 'jours',
      summary: 'Durée médiane de chaque étape, en jours' },
    { name: 'rejets', x: 'etape', series: ['nombre'], summary: 'Nombre de rejets par étape' },
    { name: 'motifs' },
    { name: 'bloquees', x: 'etape', series: ['nombre'], summary: 'Conventions bloquées par étape' },
    { name: 'bloquees-liste' },
    { name: 'couverture', x: 'groupe', series: ['enVigueur', 'dansLeCircuit', 'terminee', 'aucune'], stacked: true,
      summary: 'Communes selon leur convention' },
    { name: 'echeances', x: 'mois', series: ['reconductions', 'limitesDenonciation', 'fins', 'comites'],
      summary: 'Échéances par mois' },
    { name: 'aaf', x: ['semaine', 'exploitant'], stacked: true,
      series: ['envoyees', 'sansFichier', 'fichiersRefuses', 'uaiHorsAnnexe', 'sftpInjoignable', 'autresEchecs'],
      summary: 'Livraisons AAF par semaine et exploitant' },
    { name: 'incidents', x: ['qualification', 'nature', 'competence', 'violationDonnees'],
      series: ['nombre', 'notifieesCnil', 'dans72h'],
      summary: 'Incidents de sécurité par qualification, nature, domaine de compétence et violation de données' }
  ];

  // A chart's category: one column, or several joined (a week and its exploitant).
  function category(chart, line) {
    return Array.isArray(chart.x) ? chart.x.map((key) => text(line[key])).join(' – ') : text(line[chart.x]);
  }

  function text(value) { return value === null || value === undefined ? '' : String(value); }
  function number(value) { return typeof value === 'number' ? value.toLocaleString('fr-FR') : text(value); }
  function showError(message) {
    $('#erreur-message').textContent = message;
    $('#erreur').hidden = !message;
  }
  // a refusal shows its French message; without a Tasklist session, the page asks to log in
  async function call(path) {
    try {
      return await window.apiRegistre('GET', api + path);
    } catch (error) {
      if (error.status === 401) {
        $('#tableau-de-bord').hidden = true;
        $('#connexion').hidden = false;
        throw new Error('non connecté');
      }
      if (error.status) { showError(error.message); }
      throw error;
    }
  }

  function query() {
    const parameters = new URLSearchParams();
    const address = new URLSearchParams(window.location.search);
    FILTERS.forEach((name) => { if (address.get(name)) { parameters.set(name, address.get(name)); } });
    return parameters;
  }

  function fillFilters(perimeter) {
    const departement = $('#filtre-departement');
    perimeter.departements.forEach((code) => departement.add(new Option(code, code)));
    const circonscription = $('#filtre-circonscription');
    perimeter.circonscriptions.forEach((circo) => circonscription.add(new Option(circo.libelle, circo.code)));
    FILTERS.forEach((name) => {
      const field = $('#filtres [name="' + name + '"]');
      if (field && perimeter.filtres[name] !== undefined) { field.value = perimeter.filtres[name]; }
    });
  }

  function table(chart, data) {
    const wrapper = document.createElement('div');
    wrapper.className = 'fr-table fr-table--no-caption';
    const inner = document.createElement('div');
    inner.className = 'fr-table__wrapper';
    const container = document.createElement('div');
    container.className = 'fr-table__container';
    // a wide table scrolls: keyboard users must be able to reach and scroll it (RGAA, axe scrollable-region-focusable)
    container.tabIndex = 0;
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', 'Données : ' + data.titre);
    const content = document.createElement('div');
    content.className = 'fr-table__content';
    const tableElement = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = 'Données : ' + data.titre;
    tableElement.appendChild(caption);
    const head = tableElement.createTHead().insertRow();
    data.colonnes.filter((c) => c.cle !== 'lien').forEach((column) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = column.libelle;
      head.appendChild(th);
    });
    const body = tableElement.createTBody();
    if (data.lignes.length === 0) {
      const cell = body.insertRow().insertCell();
      cell.colSpan = data.colonnes.length;
      cell.textContent = 'Aucune donnée pour ces filtres.';
    }
    data.lignes.forEach((line) => {
      const row = body.insertRow();
      data.colonnes.filter((c) => c.cle !== 'lien').forEach((column) => {
        const cell = row.insertCell();
        if (column.cle === 'numero' && line.lien) {
          const link = document.createElement('a');
          link.href = line.lien;
          link.textContent = line.numero;
          cell.appendChild(link);
        } else {
          cell.textContent = number(line[column.cle]);
        }
      });
    });
    content.appendChild(tableElement);
    container.appendChild(content);
    inner.appendChild(container);
    wrapper.appendChild(inner);
    return wrapper;
  }

  function labelOf(data, key) {
    const column = data.colonnes.find((c) => c.cle === key);
    return column ? column.libelle : key;
  }

  // The <bar-chart> of the DSFR: x and y as JSON lists of lists, one list per series.
  function drawing(chart, data) {
    if (!chart.x || data.lignes.length === 0) { return null; }
    let categories = [];
    let names = [];
    let values = [];
    if (chart.groupedBy) {
      data.lignes.forEach((l) => { if (!categories.includes(l[chart.x])) { categories.push(l[chart.x]); } });
      data.lignes.forEach((l) => { if (!names.includes(l[chart.groupedBy])) { names.push(l[chart.groupedBy]); } });
      values = names.map((group) => categories.map((category) => {
        const line = data.lignes.find((l) => l[chart.x] === category && l[chart.groupedBy] === group);
        return line ? line[chart.value] : 0;
      }));
    } else {
      categories = data.lignes.map((l) => category(chart, l));
      names = chart.series.map((key) => labelOf(data, key));
      values = chart.series.map((key) => data.lignes.map((l) => l[key]));
    }
    const figure = document.createElement('figure');
    figure.className = 'fr-m-0 fr-mb-2w';
    const graphic = document.createElement('div');
    graphic.className = 'graphique';
    graphic.setAttribute('role', 'img');
    graphic.setAttribute('aria-label', chart.summary + ' : le tableau qui suit donne les mêmes chiffres.');
    const bar = document.createElement('bar-chart');
    bar.setAttribute('x', JSON.stringify(names.map(() => categories)));
    bar.setAttribute('y', JSON.stringify(values));
    bar.setAttribute('name', JSON.stringify(names));
    bar.setAttribute('selected-palette', 'categorical');
    if (chart.unit) { bar.setAttribute('unit-tooltip', chart.unit); }
    if (chart.stacked) { bar.setAttribute('stacked', 'true'); }
    graphic.appendChild(bar);
    styleInside(bar);
    figure.appendChild(graphic);
    const legend = document.createElement('figcaption');
    legend.className = 'fr-text--sm';
    legend.textContent = chart.summary + (names.length > 1 ? ' (' + names.join(', ') + ')' : '') + '.';
    figure.appendChild(legend);
    return figure;
  }

  // dsfr-chart 2.0.4 asks for no shadow root in the wrong place (customElements.define's options), so its legend
  // ends up in a shadow root the page's style sheets do not reach: give that root the DSFR's and the chart's.
  function styleInside(bar) {
    customElements.whenDefined('bar-chart').then(() => {
      if (!bar.shadowRoot || bar.shadowRoot.querySelector('link')) { return; }
      ['/dsfr/dsfr.min.css', '/dsfr-chart/BarChart.css'].forEach((href) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        bar.shadowRoot.prepend(link);
      });
    });
  }

  function section(chart, data, parameters) {
    const part = document.createElement('section');
    part.className = 'fr-mb-6w tableau-de-bord-section';
    part.id = 'graphique-' + chart.name;
    part.setAttribute('aria-labelledby', part.id + '-titre');
    const title = document.createElement('h2');
    title.id = part.id + '-titre';
    title.className = 'fr-h4';
    title.textContent = data.titre;
    part.appendChild(title);
    const note = document.createElement('p');
    note.textContent = data.note;
    part.appendChild(note);
    const figure = drawing(chart, data);
    if (figure) { part.appendChild(figure); }
    part.appendChild(table(chart, data));
    const csv = document.createElement('a');
    csv.className = 'fr-link fr-icon-download-line fr-link--icon-left';
    csv.href = api + '/' + chart.name + '.csv?' + parameters.toString();
    csv.textContent = 'Télécharger ces données (CSV) : ' + data.titre.toLowerCase();
    part.appendChild(csv);
    return part;
  }

  async function load() {
    showError('');
    const parameters = query();
    let perimeter;
    try {
      perimeter = await call('/perimetre?' + parameters.toString());
    } catch (e) { return; }
    $('#perimetre').textContent = perimeter.perimetre;
    fillFilters(perimeter);
    $('#tableau-de-bord').hidden = false;
    const charts = $('#graphiques');
    charts.textContent = '';
    for (const chart of CHARTS) {
      try {
        charts.appendChild(section(chart, await call('/' + chart.name + '?' + parameters.toString()), parameters));
      } catch (e) { return; }
    }
    document.body.dataset.charge = 'oui';
  }

  // Applying the filters changes the address (bookmark, share), then the page loads its figures from it.
  $('#filtres').addEventListener('submit', (event) => {
    event.preventDefault();
    const parameters = new URLSearchParams();
    new FormData($('#filtres')).forEach((value, name) => { if (String(value).trim() !== '') { parameters.set(name, value); } });
    window.location.search = parameters.toString();
  });
  load();
}());
