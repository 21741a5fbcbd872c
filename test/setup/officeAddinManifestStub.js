// office-addin-mock imports office-addin-manifest only for this enum; the real package reaches
// an ESM-only dependency that Jest on Node 20 cannot require (engineering notes).
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
