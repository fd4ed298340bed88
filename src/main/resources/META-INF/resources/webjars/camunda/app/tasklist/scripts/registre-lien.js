// Convention ENT: "Registre des conventions" in Tasklist's header (plugin point tasklist.navbar.action).
export default {
  id: 'convention-ent-registre',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node) => {
    node.innerHTML = '<a href="/registre/" class="registre-des-conventions" title="Conventions, échéances, exports et calendrier">'
      + 'Registre des conventions</a>';
  }
};
