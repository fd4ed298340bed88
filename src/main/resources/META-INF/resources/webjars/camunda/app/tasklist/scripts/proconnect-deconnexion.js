// Convention ENT: Tasklist's logout of an agent logged in through ProConnect also ends the ProConnect session.
// The logout call answers with the provider's logout address in a header (identity.proconnect.ProConnectLogoutSuccess);
// the page goes there. For any other account the header is absent and nothing changes.
const LOGOUT = /\/api\/admin\/auth\/user\/[^/]+\/logout$/;
const HEADER = 'X-Deconnexion-ProConnect';

function followProviderLogout() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (method === 'POST' && LOGOUT.test(String(url))) {
      this.addEventListener('load', () => {
        const provider = this.getResponseHeader(HEADER);
        if (provider) {
          window.location.assign(provider);
        }
      });
    }
    return open.apply(this, arguments);
  };
}

let installed = false;

export default {
  id: 'convention-ent-proconnect-deconnexion',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: () => {
    if (!installed) {
      installed = true;
      followProviderLogout();
    }
  }
};
