import Testing

@testable import Portal

/// The template engine against the Mustache specification's rules (interpolation,
/// sections, inverted sections, comments, partials, delimiters, standalone lines) and
/// the functions themes use.
@Suite struct TemplateTests {
    func render(_ text: String, _ value: TemplateValue, partials: [String: String] = [:]) -> String {
        var templates: [String: (template: Template, text: String)] = [:]
        for (name, source) in partials.merging(["main": text], uniquingKeysWith: { $1 }) {
            let (template, problems) = TemplateParser.parse(source)
            #expect(problems.isEmpty, "\(name): \(problems)")
            templates[name] = (template, source)
        }
        return TemplateLibrary(templates: templates).render(value, template: "main")
    }

    func object(_ fields: [String: TemplateValue]) -> TemplateValue {
        .object(fields.sorted { $0.key < $1.key }.map { TemplateField(name: $0.key, value: $0.value) })
    }

    @Test func interpolationEscapesHTMLUnlessTripleOrAmpersand() {
        let value = object(["x": .text("<b>\"Tom\" & 'Jerry'</b>")])
        #expect(render("{{x}}", value) == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;")
        #expect(render("{{{x}}}|{{& x}}|{{ x }}", value).hasPrefix("<b>\"Tom\" & 'Jerry'</b>|<b>"))
        #expect(render("[{{missing}}]", value) == "[]")
        #expect(render("{{flag}} {{n}}", object(["flag": .flag(true), "n": .text("3")])) == "true 3")
    }

    @Test func namesAreLookedUpOutwardsAndDottedNamesInside() {
        let value = object([
            "name": .text("outer"), "a": object(["b": object(["c": .text("deep")])]),
            "items": .list([object(["title": .text("one")]), object(["name": .text("own")])]),
        ])
        #expect(render("{{a.b.c}}", value) == "deep")
        #expect(render("{{#items}}{{title}}-{{name}};{{/items}}", value) == "one-outer;-own;")
        // Once the first part is found, the rest must be inside it.
        #expect(render("{{#a}}{{b.name}}{{/a}}", value) == "")
        #expect(render("{{#items}}{{.}}{{/items}}", object(["items": .list([.text("x"), .text("y")])])) == "xy")
    }

    @Test func sectionsShowForTruthyValuesOnly() {
        let value = object([
            "yes": .flag(true), "no": .flag(false), "empty": .list([]), "blank": .text(""),
            "person": object(["name": .text("Joe")]),
        ])
        #expect(render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{#blank}}B{{/blank}}{{#missing}}M{{/missing}}", value) == "Y")
        #expect(render("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^blank}}B{{/blank}}{{^missing}}M{{/missing}}", value) == "NEBM")
        #expect(render("{{#person}}Hi {{name}}{{/person}}", value) == "Hi Joe")
    }

    @Test func standaloneTagsTakeTheirLine() {
        let value = object(["items": .list([.text("a"), .text("b")])])
        #expect(render("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n", value) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(render("Begin.\n{{! comment\nover lines }}\nEnd.\n", value) == "Begin.\nEnd.\n")
        #expect(render("| {{#items}}x{{/items}} |\n", value) == "| xx |\n")
        #expect(render("|\r\n{{#items}}\r\n{{/items}}\r\n|", value) == "|\r\n|")
        #expect(render("  {{#items}}\n{{.}}{{/items}}", value) == "ab")
    }

    @Test func standalonePartialsAreIndented() {
        let value = object(["content": .text("<\n->")])
        #expect(render("\\\n {{>partial}}\n/\n", value, partials: ["partial": "|\n{{{content}}}\n|\n"])
                == "\\\n |\n <\n->\n |\n/\n")
        #expect(render("[{{> inline}}]", object(["n": .text("1")]), partials: ["inline": "n={{n}}"]) == "[n=1]")
        // A partial inside an indented partial is indented by both (its output was dropped).
        let nested = ["outer": "<ul>\n  {{> inner}}\n</ul>\n", "inner": "<li>{{n}}</li>\n"]
        #expect(render("<nav>\n  {{> outer}}\n</nav>\n", object(["n": .text("1")]), partials: nested)
                == "<nav>\n  <ul>\n    <li>1</li>\n  </ul>\n</nav>\n")
    }

    @Test func delimitersCanBeChanged() {
        #expect(render("{{=<% %>=}}(<% text %>) {{text}}", object(["text": .text("Hey!")])) == "(Hey!) {{text}}")
    }

    @Test func functions() {
        let value = object(["items": .list([.text("a"), .text("b"), .text("c")]), "none": .list([]), "name": .text("safe")])
        #expect(render("{{^empty(items)}}has{{/empty(items)}}{{#empty(none)}} none{{/empty(none)}}", value) == "has none")
        #expect(render("{{count(items)}} {{first(items)}} {{last(items)}} {{#reversed(items)}}{{.}}{{/reversed(items)}}", value) == "3 a c cba")
        #expect(render("{{uppercased(name)}} {{capitalized(name)}}", value) == "SAFE Safe")
        #expect(render("{{#items}}{{^first()}}, {{/first()}}{{.}}{{#last()}}.{{/last()}}{{/items}}", value) == "a, b, c.")
        #expect(render("{{#items}}{{index()}}{{/items}}", value) == "012")
        // A function of something missing is missing too.
        #expect(render("{{^empty(absent)}}shown{{/empty(absent)}}", value) == "shown")
    }

    @Test func mistakesAreLocated() {
        func problems(_ text: String) -> [String] {
            TemplateParser.parse(text).problems.map { "\($0.line):\($0.column): \($0.message)" }
        }
        #expect(problems("a\n  {{#list}}\nx") == ["2:3: the section “list” is opened here but never closed"])
        #expect(problems("{{#a}}\n{{/b}}") == ["2:1: this closes “b”, but the open section is “a”"])
        #expect(problems("é {{/a}}") == ["1:3: this closes the section “a”, which was never opened"])
        #expect(problems("{{nope(list)}} {{title}") == [
            "1:1: there is no function “nope” for templates", "1:16: this tag is not closed with }}",
        ])
        #expect(problems("{{<parent}}{{/parent}}{{}}").first == "1:1: this kind of tag ({{<…}}) is not supported")
        #expect(problems("{{a..b}}") == ["1:1: “a..b” is not a name a template can use"])
    }

    struct Item: TemplateView {
        var title: String
        var note: String?
        var count: Int
        var tags: [String]
    }

    struct Page: TemplateView {
        var title: String
        var items: [Item]
        var featured: Item?
    }

    @Test func viewModelsBecomeValues() {
        let page = Page(title: "Page", items: [Item(title: "A", note: nil, count: 2, tags: ["x", "y"])], featured: nil)
        #expect(TemplateEncoder.encode(page) == object([
            "title": .text("Page"),
            "items": .list([object(["title": .text("A"), "count": .text("2"), "tags": .list([.text("x"), .text("y")])])]),
        ]))
        // A nil field is left out, so the name is looked up further out, as in Mustache.
        #expect(render("{{#items}}{{title}}/{{note}}{{/items}}", TemplateEncoder.encode(page)) == "A/")
    }

    @Test func aThemeWhosePartialsIncludeEachOtherIsRefused() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let theme = try scratch.copyTheme()
        try "<footer>\n{{> worried}}\n</footer>\n".write(toFile: theme + "/templates/footer.mustache", atomically: false, encoding: .utf8)
        try "<aside>{{> footer}}</aside>\n".write(toFile: theme + "/templates/worried.mustache", atomically: false, encoding: .utf8)
        let problems = scratch.problems(theme: theme).map { "\($0.location.path.split(separator: "/").last!):\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(problems == [
            "footer.mustache:2:1: this template includes itself (footer → worried → footer), which would never end",
            "worried.mustache:1:8: this template includes itself (worried → footer → worried), which would never end",
        ])
    }
}
