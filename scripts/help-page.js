// The add-in's help page (help.html, the manifest's SupportUrl and "Learn more" link): the
// README's sections for people who use PROD, rendered at build time, so the help a user reads is
// the documentation the project keeps true, never a second copy of it.
const { readFileSync } = require("fs");
const path = require("path");

/** README sections (by their "## " heading) that are for developers, not for the help page. */
const DEVELOPER_SECTIONS = [
  /^Set up and run/,
  /^Test\b/,
  /^Sideloading/,
  /^Releasing/,
  /^How the code/,
  /^Performance/,
];

/** The README without its developer sections. */
function userSections(markdown) {
  const parts = markdown.split(/^(?=## )/m);
  return parts
    .filter((part) => !part.startsWith("## ") || !DEVELOPER_SECTIONS.some((re) => re.test(part.slice(3))))
    .join("");
}

/** help.html from the README's text. */
async function helpPage(readme) {
  const { marked } = await import("marked");
  const body = await marked.parse(userSections(readme), { gfm: true });
  const template = readFileSync(path.join(__dirname, "..", "src", "help", "help.html"), "utf8");
  return template.replace("<!-- README -->", body);
}

module.exports = { helpPage, userSections };
