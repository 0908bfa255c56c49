import Foundation
import Testing

@testable import Portal

/// One mistake a person makes, and exactly what the build must say about it.
struct Mistake: Sendable, CustomTestStringConvertible {
    var name: String
    var files: [String: [UInt8]]
    /// `path:line:col: message` of every problem, sorted; empty when the build must succeed.
    var expected: [String]

    init(_ name: String, _ files: [String: String], _ expected: [String]) {
        self.name = name
        self.files = files.mapValues { Array($0.utf8) }
        self.expected = expected
    }

    init(_ name: String, bytes: [String: [UInt8]], _ expected: [String]) {
        self.name = name
        self.files = bytes
        self.expected = expected
    }

    var testDescription: String { name }
}

private let fm = "---\ntitle: T\nsummary: S.\n"
private let policy = "kind: policy\nowner: LSCB\nversion: \"1\"\napproved: 2013-01-01\nreview: 2030-01-01\n"

/// A corpus of the mistakes people make, one per kind, each with its exact file, line,
/// column and message: the promise that every problem is located.
@Suite struct RobustnessTests {
    static let mistakes: [Mistake] = [
        Mistake("tab indenting", ["a.md": "---\ntitle: T\n\tsummary: S.\n---\n"],
            ["a.md:3:1: this line contains a character that cannot start a value here (often a tab)"]),
        Mistake("unclosed quote", ["a.md": "---\ntitle: \"T\nsummary: S.\n---\n"],
            ["a.md:2:8: this quoted value is never closed"]),
        // Each YAML mistake is named for what it is, not for what libyaml was reading.
        Mistake("unknown escape in double quotes", ["a.md": "---\ntitle: \"C:\\Documents\"\nsummary: S.\n---\n"],
            ["a.md:2:11: a backslash in double quotes starts an escape, and this one is not known"]),
        Mistake("missing comma in a list", ["a.md": fm + "topics: [\"cse\" \"online-safety\"]\n---\n"],
            ["a.md:4:16: a comma is missing between two items of this list"]),
        Mistake("stray space before a name", ["a.md": "---\ntitle: T\n summary: S.\n---\n"],
            ["a.md:3:1: this line starts with a space, so it reads as part of the value above"]),
        Mistake("text after a closing quote", ["a.md": "---\ntitle: \"T\"# more\nsummary: S.\n---\n"],
            ["a.md:2:11: there is more after the closing quote: “# more”"]),
        Mistake("unquoted asterisk", ["a.md": "---\ntitle: *important*\nsummary: S.\n---\n"],
            ["a.md:2:8: a value that starts with * or & must be in quotes"]),
        // What libyaml lets through but YAML does not allow (YAMLLayout).
        Mistake("a comment touching a list", ["a.md": fm + "topics: [a, b]#cse\n---\n"],
            ["a.md:4:15: a comment needs a space before its #"]),
        Mistake("a quoted value going on unindented", ["a.md": "---\ntitle: \"Safe\nsleep\"\nsummary: S.\n---\n"],
            ["a.md:3:1: this line goes on with the value that started on line 2, so it must be indented further"]),
        Mistake("a YAML directive", ["a.md": "---\n%YAML 1.2\ntitle: T\nsummary: S.\n---\n"],
            ["a.md:2:1: a line starting with % is a YAML directive, which front matter and data files do not have"]),
        Mistake("a lone dash in a list", ["a.md": fm + "topics: [cse, -]\n---\n"],
            ["a.md:4:15: a - on its own in [ ] or { } must be in quotes"]),
        Mistake("a list as a name", ["a.md": fm + "? [a, b]\n: c\n---\n"],
            ["a.md:4:3: a name must be plain text, not a list or a mapping"]),
        Mistake("quotes inside plain text are text", ["a.md": "---\ntitle: Pros - \"cons\" here, yes?\nsummary: Rock - 'n' roll,\n  \"quoted\" on the next line # a comment\nrelated: [/a/]#x\n---\n"],
            ["a.md:5:15: a comment needs a space before its #"]),
        Mistake("a blank line holding a tab is blank", ["a.md": "---\ntitle: T\n\t \nsummary: 'S. # not a comment' # a comment\n---\n"], []),
        Mistake("duplicate key", ["a.md": fm + "summary: Again.\n---\n"],
            ["a.md:4:1: `summary` is given more than once"]),
        Mistake("unquoted colon", ["a.md": "---\ntitle: Safe sleep: my space\nsummary: S.\n---\n"],
            ["a.md:2:18: a value contains a colon followed by a space"]),
        Mistake("date in words", ["a.md": fm + "publish: next Tuesday\n---\n"],
            ["a.md:4:10: `publish` must be a date written year-month-day, not “next Tuesday”"]),
        Mistake("date the wrong way round", ["a.md": fm + "updated: 21/11/2026\n---\n"],
            ["a.md:4:10: `updated` must be a date written year-month-day, not “21/11/2026”"]),
        Mistake("impossible date", ["a.md": fm + "updated: 2026-02-29\n---\n"],
            ["a.md:4:10: `updated` is 2026-02-29, which is not a date in the calendar"]),
        Mistake("byte-order mark works", bytes: ["a.md": [0xEF, 0xBB, 0xBF] + Array((fm + "---\nText.\n").utf8)], []),
        Mistake("Windows line endings work", ["a.md": "---\r\ntitle: T\r\nsummary: S.\r\n---\r\n## Heading\r\n\r\n[Home](/)\r\n"], []),
        Mistake("old Mac line endings work", ["a.md": "---\rtitle: T\rsummary: S.\r---\rText.\r"], []),
        Mistake("empty file", ["a.md": ""], ["a.md:1:1: this page is empty"]),
        Mistake("only spaces", ["a.md": "  \n\n"], ["a.md:1:1: this page is empty"]),
        Mistake("binary file named .md", bytes: ["a.md": [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]],
            ["a.md:0:0: this file is not text (it contains binary data)"]),
        Mistake("invalid UTF-8", bytes: ["a.md": Array((fm + "---\nCaf").utf8) + [0xE9] + Array(" ok\n".utf8)],
            ["a.md:5:4: this file is not valid UTF-8 text"]),
        Mistake("a very long line works", ["a.md": fm + "---\n" + String(repeating: "word ", count: 40_000) + "\n"], []),
        Mistake("front matter never closed", ["a.md": fm + "Text.\n"],
            ["a.md:1:1: the front matter that starts here is never closed"]),
        Mistake("no front matter", ["a.md": "# Title\n\nText.\n"],
            ["a.md:1:1: this page does not start with front matter"]),
        Mistake("front matter is a list", ["a.md": "---\n- title: T\n---\n"],
            ["a.md:2:1: the front matter must be `name: value` lines"]),
        Mistake("unknown kind", ["a.md": fm + "kind: article\n---\n"],
            ["a.md:4:7: `kind` must be one of page, guidance, policy, newsletter, report, not “article”"]),
        Mistake("missing title", ["a.md": "---\nsummary: S.\n---\n"],
            ["a.md:1:1: `title` is missing from the front matter starting here"]),
        Mistake("empty title", ["a.md": "---\ntitle:\nsummary: S.\n---\n"],
            ["a.md:2:1: `title` is empty"]),
        Mistake("title as a list", ["a.md": "---\ntitle: [A, B]\nsummary: S.\n---\n"],
            ["a.md:2:8: `title` must be a single piece of text"]),
        Mistake("draft maybe", ["a.md": fm + "draft: maybe\n---\n"],
            ["a.md:4:8: `draft` must be true or false, not “maybe”"]),
        Mistake("issue zero", ["a.md": fm + "kind: newsletter\nissue: 0\ndate: 2013-01-01\n---\n"],
            ["a.md:5:8: `issue` must be a whole number of at least 1, not “0”"]),
        Mistake("issue used twice", [
            "a.md": fm + "kind: newsletter\nissue: 3\ndate: 2013-01-01\n---\n",
            "b.md": fm + "kind: newsletter\nissue: 3\ndate: 2013-02-01\n---\n",
        ], ["b.md:5:8: issue 3 is already used by Content/a.md"]),
        Mistake("unknown audience", ["a.md": fm + "kind: guidance\naudience: parents\n---\n"],
            ["a.md:5:11: `audience` must be one of parents-carers, professionals, young-people, communities, not “parents”"]),
        Mistake("unknown policy status", ["a.md": fm + policy + "status: live\n---\n"],
            ["a.md:9:9: `status` must be one of current, draft, superseded, not “live”"]),
        Mistake("supersedes a missing policy", ["a.md": fm + policy + "status: current\nsupersedes: policies/old\n---\n"],
            ["a.md:10:13: `supersedes` names “policies/old”, which is not a page of this site"]),
        Mistake("report period wrong", ["a.md": fm + "kind: report\nperiod: 2012/13\npublished: 2013-09-19\n---\n"],
            ["a.md:5:9: `period` must be a reporting year like 2012-13, not “2012/13”"]),
        Mistake("misspelt field is a warning", ["a.md": fm + "sumary: S.\n---\n"],
            ["a.md:4:1: `sumary` is not a field of a page; it is ignored"]),
        Mistake("file name with capitals and spaces", ["Private Fostering.md": fm + "---\n"],
            ["Private Fostering.md:0:0: “Private Fostering” cannot be part of a web address"]),
        Mistake("two files, one address", ["about.md": fm + "---\n", "about/index.md": fm + "---\n"],
            ["about/index.md:1:1: this page has the same address, /about/, as Content/about.md"]),
        Mistake("link to a missing page", ["a.md": fm + "---\nSee [this](/nope/).\n"],
            ["a.md:5:5: “/nope/” leads to /nope/, which is not a page of this site"]),
        Mistake("link without its final slash", ["a.md": fm + "---\nSee [this](/accessibility).\n"],
            ["a.md:5:5: “/accessibility” leaves off the final slash"]),
        Mistake("anchor typo", ["a.md": fm + "---\n## Who to call\n\n[x](#who-to-cal)\n"],
            ["a.md:7:1: /a/ has no heading with the anchor #who-to-cal (in “#who-to-cal”)"]),
        Mistake("typed reference typo", ["a.md": fm + "---\n[x](page:acessibility)\n"],
            ["a.md:5:1: there is no page “acessibility” (in “page:acessibility”)"]),
        Mistake("unknown typed kind", ["a.md": fm + "---\n[x](pages:accessibility)\n"],
            ["a.md:5:1: links starting `pages:` are not allowed"]),
        Mistake("javascript link", ["a.md": fm + "---\n[x](javascript:alert(1))\n"],
            ["a.md:5:1: links starting `javascript:` are not allowed"]),
        Mistake("file link", ["a.md": fm + "---\n[x](file:///etc/passwd)\n"],
            ["a.md:5:1: links starting `file:` are not allowed"]),
        Mistake("link with no address", ["a.md": fm + "---\n[x]()\n"],
            ["a.md:5:1: this link has no address (an unsafe address, such as one starting `javascript:`, is removed)"]),
        Mistake("top-level heading in the text", ["a.md": fm + "---\n# Big\n"],
            ["a.md:5:1: a page's text cannot have a top-level (`#`) heading"]),
        Mistake("image without description", ["a.md": fm + "---\n![](/assets/site.css)\n"],
            ["a.md:5:1: this image has no description (alt text)"]),
        Mistake("image from another site over http", ["a.md": fm + "---\n![A poster](http://example.org/p.png)\n"],
            ["a.md:5:1: images can only come from this site or an https:// address"]),
        Mistake("table with a missing file", ["a.md": fm + "---\n```table\nfile: nope.csv\ncaption: C\n```\n"],
            ["a.md:6:7: there is no file data/nope.csv"]),
        Mistake("table with broken CSV quotes", [
            "a.md": fm + "---\n```table\nfile: t.csv\ncaption: C\n```\n", "data/t.csv": "A,B\n\"x,1\n",
        ], ["data/t.csv:2:1: this quoted cell is never closed"]),
        Mistake("table with a word among numbers", [
            "a.md": fm + "---\n```table\nfile: t.csv\ncaption: C\n```\n", "data/t.csv": "A,B\nx,1\ny,two\n",
        ], ["data/t.csv:3:3: “two” in the column “B” is not a number"]),
        Mistake("table whose total is wrong", [
            "a.md": fm + "---\n```table\nfile: t.csv\ncaption: C\n```\n", "data/t.csv": "A,B\nx,1\ny,2\nTotal,4\n",
        ], ["data/t.csv:4:7: the total in the column “B” is 4, but the rows above add up to 3"]),
        Mistake("settings without a name", ["site.yaml": Scratch.siteYAML.replacingOccurrences(of: "name: Test Safeguarding Children Board\n", with: "")],
            ["site.yaml:1:1: `name` is missing from the site settings starting here"]),
        Mistake("settings with 999 not first", ["site.yaml": Scratch.siteYAML.replacingOccurrences(of: "phone: \"999\"", with: "phone: \"101\"")],
            ["site.yaml:13:3: the first contact must be 999, for a child in immediate danger"]),
        Mistake("base_url with a final slash", ["site.yaml": Scratch.siteYAML.replacingOccurrences(of: "base_url: https://lscb.example.org", with: "base_url: https://lscb.example.org/")],
            ["site.yaml:3:11: `base_url` must be the site's address alone, like https://lscb.example.org, not “https://lscb.example.org/”"]),
        Mistake("quick exit not a web address", ["site.yaml": Scratch.siteYAML.replacingOccurrences(of: "quick_exit: https://www.bbc.co.uk/weather", with: "quick_exit: bbc weather")],
            ["site.yaml:18:13: `quick_exit` must be the full address of another website, starting https://, not “bbc weather”"]),
        Mistake("stray file in the content folder", ["notes.docx": "x"],
            ["notes.docx:0:0: this file is not used"]),
    ]

    @Test(arguments: mistakes)
    func eachMistakeIsLocated(_ mistake: Mistake) throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        for (path, bytes) in mistake.files { scratch.writeBytes(path, bytes) }
        let problems = scratch.problems()
        #expect(located(problems) == mistake.expected, "\(DiagnosticFormatter().report(problems))")
        #expect(problems.filter(\.isError).allSatisfy { $0.hint?.isEmpty == false }, "every error says what to do")
    }

    @Test func theCorpusIsLarge() { #expect(Self.mistakes.count >= 40) }

    @Test func aFileOverTheLimitIsRefused() {
        let scratch = Scratch(["big.md": fm + "---\n" + String(repeating: "x", count: SourceTree.sizeLimit) + "\n"])
        defer { scratch.remove() }
        #expect(located(scratch.problems()) == ["big.md:0:0: this file is 5 MB; files here can be at most 5 MB"])
    }

    @Test func linksOutOfTheFolderAreRefused() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let outside = scratch.root + "/secret.md"
        try (fm + "---\nSecret.\n").write(toFile: outside, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch.content + "/linked.md", withDestinationPath: outside)
        #expect(located(scratch.problems()) == ["linked.md:0:0: this is a link to a file outside Content"])

        // A link to a page inside the folder is read like the page itself.
        scratch.write("kept.md", page(title: "Kept", body: "Kept."))
        try FileManager.default.removeItem(atPath: scratch.content + "/linked.md")
        try FileManager.default.createSymbolicLink(atPath: scratch.content + "/linked.md", withDestinationPath: scratch.content + "/kept.md")
        #expect(located(scratch.problems()) == [])
        #expect(try scratch.build().files.contains { $0.path == "linked/index.html" })
    }

    @Test func brokenTemplatesAreLocatedInTheTheme() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let theme = try scratch.copyTheme()
        let footer = theme + "/templates/footer.mustache"
        try "<footer>\n{{#footer}}\n<a href=\"{{url}}\">{{title}}</a>\n{{/fotter}}\n{{> socials}}\n</footer>\n".write(toFile: footer, atomically: false, encoding: .utf8)
        let problems = scratch.problems(theme: theme)
        #expect(problems.map { "\($0.location.path.hasSuffix("templates/footer.mustache")):\($0.location.line): \($0.message)" } == [
            "true:4: this template could not be read: this closes “fotter”, but the open section is “footer”",
            "true:5: this template includes “socials”, but the theme has no socials.mustache",
        ])
    }
}
