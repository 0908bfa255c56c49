import Testing

@testable import Portal

/// The views written into template values by hand must give exactly what their
/// `Encodable` conformance gives: every name, nil optionals left out.
@Suite struct ViewValueTests {
    static let date = DateView(Day(year: 2026, month: 11, day: 21)!)
    static let links = [
        LinkView(title: "Private fostering", url: "/parents-carers/private-fostering/"),
        LinkView(title: "Report a concern", url: "/report/", text: "Call 01632 960000"),
        LinkView(title: "NSPCC", url: "HTTPS://www.nspcc.org.uk/"),
    ]

    @Test func pageViewsGiveWhatTheEncoderGives() {
        let contents = [
            ContentsEntryView(text: "Who must tell us?", id: "who-must-tell-us", children: [
                ContentsEntryView(text: "Parents", id: "parents", children: [])
            ]),
            ContentsEntryView(text: "What happens next", id: "what-happens-next", children: []),
        ]
        let facts = [
            FactView(label: "Status", text: "Current"),
            FactView(label: "Approved", text: "21 November 2026", date: Self.date),
            FactView(label: "Replaces", text: "Threshold document 2010", url: "/professionals/policies/threshold-2010/"),
        ]
        let pages = [
            PageView(
                title: "Private fostering", summary: "What it is.", kind: "guidance", tags: ["For parents and carers"],
                topics: [
                    TopicLinkView(title: "Private fostering", url: "/topics/private-fostering/", last: false),
                    TopicLinkView(title: "Early help", url: "/topics/early-help/", last: true),
                ], facts: facts, contents: contents, body: "<p>Text</p>", related: Self.links, emailVersions: [],
                mentionedIn: Self.links),
            PageView(
                title: "", summary: "", kind: "page", tags: [], topics: [], facts: [], contents: [], body: "", related: [],
                emailVersions: Self.links, mentionedIn: []),
        ]
        for page in pages {
            #expect(page.templateValue == TemplateEncoder.encode(page))
        }
    }

    @Test func layoutViewsGiveWhatTheEncoderGives() {
        for flag in [true, false] {
            let layout = LayoutView(
                title: "Home – LSCB", description: "Safeguarding", canonical: "https://example.org/",
                navigation: [
                    NavItemView(title: "Parents", url: "/parents-carers/", current: flag, active: !flag, outside: false),
                    NavItemView(title: "Elsewhere", url: "https://example.org/", current: false, active: flag, outside: true),
                ],
                breadcrumbs: Self.links, sensitive: flag, kind: "guidance", searchable: !flag, isSearch: flag,
                searchFilters: [SearchFilterView(name: "audience", value: "Professionals")], content: "<h1>Home</h1>")
            #expect(layout.templateValue == TemplateEncoder.encode(layout))
        }
    }
}
