/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/*
 * Convention ENT: Tasklist configuration (overrides the one in camunda-webapp-webjar 7.24.0,
 * same path: project resources come first on the classpath). Only Tasklist is touched;
 * Cockpit and Admin keep their own config.js.
 *
 * Language. How Tasklist 7.24 picks it (camunda-tasklist-bootstrap.js, angular-translate):
 *   - the first browser language (navigator.languages[0], primary subtag, e.g. "en" of "en-US")
 *     is used if it is in `availableLocales`;
 *   - otherwise `fallbackLocale` is used;
 *   - `fallbackLocale` is also the table consulted for a key missing in the chosen language;
 *   - no choice is stored per user (no language menu, no local storage of the language).
 * So French for everyone, even a browser asking for English, requires availableLocales ["fr"] and
 * fallbackLocale "fr": with "en" listed, an English browser would get English; with fallback "en",
 * every browser that is not French would get English. English as a per-key fallback is therefore
 * impossible together with "always French"; instead our fr.json covers every key of the 7.24 en.json
 * (checked by TasklistFrenchLocaleTest, which fails after an upgrade that adds keys).
 * To let English browsers have English instead: availableLocales ["fr", "en"], fallbackLocale "fr".
 * Browsers cache the locale tables in localStorage ("camunda-web") and refresh them in the
 * background: a changed fr.json shows from the next page load on.
 */
export default {
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },

  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  },

  // the "Registre des conventions" link in the header (scripts/registre-lien.js, a tasklist.navbar.action plugin)
  // and, for an agent logged in through ProConnect, the logout that ends the ProConnect session too;
  // scripts/formulaires.js: what the embedded forms (forms/*.html) share, loaded before any form opens
  customScripts: ['scripts/registre-lien', 'scripts/proconnect-deconnexion', 'scripts/formulaires'],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Prend en charge la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Place le curseur sur le premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Place le curseur sur la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Place le curseur sur le premier champ du formulaire de la tâche'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'Ouvre la fenêtre de démarrage d’un processus'
    }
  }
};
