// Convention ENT: what the embedded forms (forms/*.html) have in common, loaded once by Tasklist (config.js,
// customScripts) before any form opens. A form's <script cam-script> starts with
//   var formulaire = window.formulairesConventionEnt.pour(camForm, $scope);
// Forms of older deployments keep their own inline code: change what is here only by adding, so that the forms of
// every deployed version keep working.

// a piece of form shared by several forms (formulaires/*.html), for ng-include: its address next to this script
const gabarit = (nom) => new URL('formulaires/' + nom, import.meta.url).pathname;

/** A date input's value (AngularJS keeps a Date) as the "AAAA-MM-JJ" text the server reads. */
function jour(date) {
  if (!date) { return null; }
  const pad = (n) => (n < 10 ? '0' : '') + n;
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
}

/** A date variable as French readers write it: "3 décembre 2026". */
function dateLongue(valeur) {
  return valeur ? new Date(valeur).toLocaleDateString('fr-FR', {day: 'numeric', month: 'long', year: 'numeric'}) : '';
}

/** AngularJS adds $$hashKey to list items: not part of the data. */
function sansClesAngular(valeur) {
  return JSON.parse(JSON.stringify(valeur, (cle, v) => (cle.indexOf('$$') === 0 ? undefined : v)));
}

function contact() { return {nom: '', telephone: '', email: ''}; }
function ecoleVide() { return {uai: '', nom: '', adresse: ''}; }

class Formulaire {
  constructor(camForm, $scope) {
    this.camForm = camForm;
    this.$scope = $scope;
    this.variables = camForm.variableManager;
  }

  /** A Json variable's value: Tasklist gives it parsed or as text, depending on how it was stored. */
  lireJson(nom) {
    const valeur = this.variables.variableValue(nom);
    return typeof valeur === 'string' ? JSON.parse(valeur) : valeur;
  }

  /** Fetches these variables when the form opens, then calls ensuite(this) once their values are there. */
  charger(noms, ensuite) {
    this.camForm.on('form-loaded', () => noms.forEach((nom) => this.variables.fetchVariable(nom)));
    this.camForm.on('variables-fetched', () => ensuite(this));
    return this;
  }

  /**
   * Variables to show: each of {champ: 'variable'} lands in $scope.champ; then ensuite(this), if given, reads what
   * needs more than a copy.
   */
  afficher(champs, ensuite) {
    return this.charger(Object.values(champs), () => {
      Object.keys(champs).forEach((champ) => { this.$scope[champ] = this.variables.variableValue(champs[champ]); });
      if (ensuite) { ensuite(this); }
    });
  }

  /** The convention's number and commune ($scope.numero, $scope.commune), with any other variables to show. */
  convention(autres, ensuite) {
    return this.afficher(Object.assign({numero: 'conventionNumero', commune: 'communeLibelle'}, autres || {}), ensuite);
  }

  /** Sends a variable the form does not bind with cam-variable-name. */
  envoyer(nom, type, valeur) {
    const existante = this.variables.variable(nom);
    if (existante) {
      existante.type = type;
      existante.value = valeur;
    } else {
      this.variables.createVariable({name: nom, type: type, value: valeur, isDirty: true});
    }
  }

  /** Sends a list or an object as a Json variable (Tasklist serialises it). */
  envoyerJson(nom, valeur) {
    this.envoyer(nom, 'Json', sansClesAngular(valeur));
  }

  /** Date inputs bound to $scope.dates.<nom> (ng-model), each sent as "AAAA-MM-JJ" text on submit. */
  dates(noms) {
    this.$scope.dates = {};
    this.camForm.on('submit', () => noms.forEach((nom) => this.envoyer(nom, 'String', jour(this.$scope.dates[nom]))));
    return this;
  }

  /** The Recteur's signature of a letter (formulaires/signature-lettre.html): the box, once ticked, is sent as lettreSignee. */
  signatureDeLettre() {
    this.$scope.signature = {gabarit: gabarit('signature-lettre.html'), signee: false};
    this.camForm.on('submit', () => this.envoyer('lettreSignee', 'Boolean', this.$scope.signature.signee === true));
    return this;
  }

  /**
   * Annexes 1 and 2 (schools, ENT referent, technical correspondents, the commune's DPO), kept in the page's scope
   * and sent as Json variables; the rows come from formulaires/ecoles.html and contacts.html
   * (ng-include="annexes.ecoles", "annexes.contacts"). With obligatoires,
   * every school and the first contacts are required and at least one school stays.
   */
  annexes(options) {
    const $scope = this.$scope;
    const obligatoires = Boolean(options && options.obligatoires);
    $scope.annexes = {ecoles: gabarit('ecoles.html'), contacts: gabarit('contacts.html'), obligatoires: obligatoires};
    $scope.ecoles = obligatoires ? [ecoleVide()] : [];
    $scope.referent = contact();
    $scope.dpo = {nom: '', email: ''};
    $scope.correspondants = [contact(), contact()];
    $scope.ajouterEcole = () => $scope.ecoles.push(ecoleVide());
    $scope.retirerEcole = (index) => $scope.ecoles.splice(index, 1);
    this.charger(['ecoles', 'referentEnt', 'correspondantsTechniques', 'dpoCommune'], () => {
      const ecoles = this.lireJson('ecoles');
      if (ecoles && ecoles.length) { $scope.ecoles = ecoles; }
      $scope.referent = this.lireJson('referentEnt') || contact();
      $scope.dpo = this.lireJson('dpoCommune') || {nom: '', email: ''};
      const correspondants = this.lireJson('correspondantsTechniques') || [];
      $scope.correspondants = [correspondants[0] || contact(), correspondants[1] || contact()];
    });
    this.camForm.on('submit', () => {
      const rempli = (c) => c.nom || c.telephone || c.email;
      this.envoyerJson('ecoles', $scope.ecoles);
      this.envoyerJson('referentEnt', $scope.referent);
      this.envoyerJson('correspondantsTechniques', $scope.correspondants.filter(rempli));
      this.envoyerJson('dpoCommune', $scope.dpo);
    });
    return this;
  }
}

window.formulairesConventionEnt = {
  pour: (camForm, $scope) => new Formulaire(camForm, $scope),
  jour: jour,
  dateLongue: dateLongue
};
