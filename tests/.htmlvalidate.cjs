/* html-validate's configuration for the reports' HTML
 * (tests/report/test-export-html.c runs it on every HTML export of the
 * fixtures). The recommended rules, with one style chosen: */
module.exports = {
  root: true,
  extends: ["html-validate:recommended"],
  rules: {
    /* The report is polyglot HTML: it is also well-formed XML, which the
     * tests read back with libxml2's XML parser and which XML tools can
     * process, so its void elements (<meta/>, <img/>) close themselves.
     * The rule stays on, checking that they all do. */
    "void-style": ["error", { style: "selfclose" }],
  },
};
