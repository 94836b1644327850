// Mermaid itself as the judge of a diagram: each text parsed and rendered on a blank page.

/** The SVG Mermaid renders of each diagram, in order; throws what Mermaid says of one it refuses. */
export async function renderWithMermaid(browser, url, ...diagrams) {
  const mermaidPage = await browser.context.newPage();
  try {
    await mermaidPage.goto(`${url}/__test__/blank.html`);
    await mermaidPage.addScriptTag({ url: `${url}/__test__/mermaid.min.js` });
    return await mermaidPage.evaluate(async (texts) => {
      window.mermaid.initialize({ startOnLoad: false });
      const svgs = [];
      for (const [index, text] of texts.entries()) {
        await window.mermaid.parse(text);
        const { svg } = await window.mermaid.render(`relvar${index}`, text);
        svgs.push(svg);
      }
      return svgs;
    }, diagrams);
  } finally {
    await mermaidPage.close();
  }
}
