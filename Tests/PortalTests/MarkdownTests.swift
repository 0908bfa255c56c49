import Testing

@testable import Portal

@Suite struct MarkdownTests {
    func compile(_ markdown: String, firstLine: Int = 1) -> CompiledBody {
        MarkdownCompiler.compile(markdown, in: sourceFile(markdown), firstLine: firstLine)
    }

    @Test func dropsRawHTMLAndUnsafeLinks() {
        let body = compile("""
            <script>alert(1)</script>

            Hello <b onclick="x()">there</b> [click](javascript:alert(1)) [data](data:text/html;base64,AAAA)
            [fine](https://example.org/)
            """)
        #expect(!body.html.contains("<script"))
        #expect(!body.html.contains("onclick"))
        #expect(!body.html.contains("javascript:"))
        #expect(!body.html.contains("data:text/html"))
        #expect(body.html.contains("<a href=\"https://example.org/\" rel=\"noopener\">fine</a>"))
    }

    @Test func usesSmartPunctuation() {
        #expect(compile("\"Quoted\" -- it's").html.contains("“Quoted” – it’s"))
    }

    @Test func givesHeadingsStableUniqueIDs() {
        let body = compile("""
            ## Who must tell us?
            ### How to *tell* us
            ## Who must tell us?
            ## Contents
            ## Café `code`
            """)
        #expect(body.headings.map(\.id) == ["who-must-tell-us", "how-to-tell-us", "who-must-tell-us-2", "contents-2", "cafe-code"])
        #expect(body.headings.map(\.text) == ["Who must tell us?", "How to tell us", "Who must tell us?", "Contents", "Café code"])
        #expect(body.html.contains("<h2 id=\"who-must-tell-us\">"))
        #expect(body.html.contains("<h3 id=\"how-to-tell-us\">\nHow to <em>tell</em> us\n</h3>"))
    }

    @Test func aTopLevelHeadingIsAnErrorAtItsFileLine() {
        let body = compile("Intro\n\n# Big heading\n", firstLine: 5)
        #expect(body.diagnostics.count == 1)
        #expect(body.diagnostics[0].location.line == 7)
        #expect(body.diagnostics[0].location.column == 1)
        #expect(body.diagnostics[0].message == "a page's text cannot have a top-level (`#`) heading")
    }

    @Test func recordsLinksWithCharacterColumns() {
        let markdown = "Café [one](/a/) and\n\n- [two](/b/#x)"
        let file = sourceFile("---\ntitle: T\n---\n" + markdown)
        let body = MarkdownCompiler.compile(markdown, in: file, firstLine: 4)
        #expect(body.links.map(\.url) == ["/a/", "/b/#x"])
        #expect(body.links.map(\.line) == [4, 6])
        #expect(body.links.map(\.column) == [6, 3])
    }

    @Test func contentsListNeedsThreeHeadings() {
        let renderer = Renderer(site: emptySite(), theme: Theme(library: TemplateLibrary(templates: [:]), templateNames: [], assets: []))
        let two = compile("## A\n## B\n").headings
        let four = compile("## A\n### A1\n## B\n## C\n").headings
        #expect(renderer.contents(of: two).isEmpty)
        let contents = renderer.contents(of: four)
        #expect(contents.map(\.id) == ["a", "b", "c"])
        #expect(contents[0].children.map(\.id) == ["a1"])
    }
}

func emptySite() -> Site {
    let config = SiteConfig(
        name: "Board", shortName: "B", baseURL: "https://example.org", description: "D", navigation: [], doors: [],
        footer: [], contacts: [],
        contactsPage: .init(title: "", url: Reference(target: "/", location: SourceLocation(path: "site.yaml"))),
        quickExit: "https://www.bbc.co.uk/weather",
        quickExitHelp: .init(title: "", url: Reference(target: "/", location: SourceLocation(path: "site.yaml"))))
    return Site(config: config, pages: [], pageIndex: [:], sections: [:], assets: [], now: Day(iso: "2026-11-21")!)
}
