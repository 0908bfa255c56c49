/// The pages the site also offers as PDFs, made from the same content as the pages: each
/// annual report, and the pages made from data that say how they print (the training
/// brochure). Each becomes a page for paper (`print.mustache`), which WeasyPrint prints.
extension Renderer {
    /// The page to print at `url`, if it is printed: its PDF's path in the site and the
    /// page for paper.
    struct PrintSource: Sendable {
        var url: String
        var path: String
        var title: String
        var html: String
    }

    /// Every printed page, in address order.
    func printSources() -> [PrintSource] {
        urls.compactMap(printSource)
    }

    func isPrinted(_ url: String) -> Bool {
        if let generated = site.generated[url] { return generated.print != nil }
        return site.page(at: url)?.page.kind == .report
    }

    /// Where the PDF of the page at `url` goes: `/training/brochure/` → `training/brochure.pdf`.
    static func pdfPath(of url: String) -> String {
        String(url.dropFirst().dropLast()) + ".pdf"
    }

    func printSource(_ url: String) -> PrintSource? {
        guard isPrinted(url) else { return nil }
        let context = ContentContextView(print: true, download: nil).templateValue
        let view: PrintView
        if let generated = site.generated[url], let extras = generated.print {
            view = printView(
                title: generated.title, summary: generated.summary, facts: [], url: url,
                content: theme.render(generated.view, template: generated.template, within: context), extras: extras)
        } else if let resolved = site.page(at: url) {
            view = printView(
                title: resolved.page.title, summary: resolved.page.summary, facts: facts(of: resolved.page), url: url,
                content: resolved.body.html, extras: PrintExtras(contents: contents(of: resolved.body.headings, atLeast: 1)))
        } else {
            return nil
        }
        return PrintSource(url: url, path: Self.pdfPath(of: url), title: view.title, html: theme.render(view, template: "print"))
    }

    private func printView(
        title: String, summary: String, facts: [FactView], url: String, content: String, extras: PrintExtras
    ) -> PrintView {
        PrintView(
            title: title, summary: summary, board: site.config.name, facts: facts,
            webAddress: site.config.baseURL + url, style: printStyle, contents: extras.contents, content: content,
            indexTitle: extras.indexTitle, index: extras.index)
    }

    /// The site's own stylesheet and the board's colours: charts and tables look as they do
    /// on screen, with the stylesheet's print rules.
    private var printStyle: String {
        let siteCSS = theme.assets.first { $0.outputPath == "assets/site.css" }?.contents() ?? []
        return String(decoding: siteCSS, as: UTF8.self) + SiteFiles.brandingCSS(site.config.branding)
    }
}
