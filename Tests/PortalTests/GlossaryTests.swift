import Foundation
import Testing

@testable import Portal

/// The glossary: `data/glossary.yaml` read and checked, `/glossary/` A to Z, each term's
/// first use on a page linked to its entry, and abbreviations used before their full form
/// on pages for the public reported where they are.
@Suite struct GlossaryTests {
    static let glossary = """
        - term: MASH
          full_form: Multi-Agency Safeguarding Hub
          definition: The team that first looks at worries about a child.
          see_also: [early help]
        - term: early help
          definition: Support for a family as soon as a problem starts.
        - term: child protection
          definition: What is done to keep a child safe from harm.
        - term: child protection plan
          also: [child protection plans]
          definition: A plan saying what each person will do to keep a child safe.
          see_also: [child protection]
        - term: CSE
          full_form: child sexual exploitation
          definition: Abuse in which a child is made to take part in sexual activity.
        - term: section 47
          definition: The part of the Children Act 1989 about looking into harm to a child.

        """

    static func read(_ text: String) -> (Glossary?, [Diagnostic]) {
        GlossaryParser.parse(sourceFile(text, path: "Content/data/glossary.yaml"))
    }

    /// The page's HTML with the glossary applied, and the warnings.
    static func compile(_ markdown: String, forThePublic: Bool = true) throws -> (html: String, problems: [String]) {
        let glossary = try #require(read(Self.glossary).0)
        let file = sourceFile("---\ntitle: T\n---\n" + markdown)
        let body = MarkdownCompiler.compile(
            markdown, in: file, firstLine: 4, glossary: GlossaryLinks(glossary: glossary, checkAbbreviations: forThePublic))
        return (body.html, located(body.diagnostics))
    }

    /// The glossary's addresses a page's HTML links to, with the words linked.
    static func links(_ html: String) -> [String] {
        html.components(separatedBy: "<a href=\"/glossary/#").dropFirst().map { part in
            let id = part.prefix { $0 != "\"" }
            let words = part.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
            return "\(id)=\(words)"
        }
    }

    @Test func entriesAreReadWithAnchorsClearOfThePagesOwn() throws {
        let (glossary, problems) = Self.read(Self.glossary + """
            - term: Letter A
              definition: A term whose plain anchor is a letter's.

            """)
        #expect(problems.isEmpty)
        let entries = try #require(glossary).entries
        #expect(entries.map(\.id) == ["mash", "early-help", "child-protection", "child-protection-plan", "cse", "section-47", "letter-a-2"])
        #expect(entries[0].fullForm == "Multi-Agency Safeguarding Hub" && entries[0].isAbbreviation)
        #expect(entries[3].also == ["child protection plans"] && entries[3].seeAlso == ["child protection"])
        #expect(entries[0].location.line == 1 && entries[0].location.column == 9)
        // An empty file is a glossary with nothing in it yet.
        #expect(Self.read("").0?.entries.isEmpty == true)
    }

    @Test func mistakesInTheGlossaryAreLocatedErrors() {
        let (glossary, problems) = Self.read("""
            - term: MASH
              full_form: Multi-Agency Safeguarding Hub
              definition: The team that first looks at worries.
            - term: Early help
              definition: ""
            - term: early help
              definition: Support as soon as a problem starts.
              see_also: [MASHH, early help]
            - term: mash
              definition: Food, mashed.
            - term: multi-agency safeguarding hub
              definition: The same words as the full form of MASH.
            - term: "(brackets)"
              definition: Not a word.
            - definition: No term.
            - term: LADO
              definition: >
                The person at the council who deals with worries
                about staff, working with the MASH and the DBS.

            """)
        #expect(glossary == nil)
        #expect(located(problems) == [
            "Content/data/glossary.yaml:5:15: `definition` is empty",
            "Content/data/glossary.yaml:8:14: “MASHH” in `see_also` is not a term of the glossary",
            "Content/data/glossary.yaml:8:21: an entry cannot be its own `see_also`",
            "Content/data/glossary.yaml:9:9: “mash” is already in the glossary, for “MASH” (line 1)",
            "Content/data/glossary.yaml:11:9: “multi-agency safeguarding hub” is already in the glossary, for “MASH” (line 2)",
            "Content/data/glossary.yaml:13:9: `term`: a term must start with a letter or a figure, not “(”",
            "Content/data/glossary.yaml:15:3: `term` is missing from the entry starting here",
            "Content/data/glossary.yaml:19:35: the definition of “LADO” uses “MASH” without saying what it stands for",
            "Content/data/glossary.yaml:19:48: the definition of “LADO” uses “DBS” without saying what it stands for",
        ])
        #expect(problems.first { $0.message.contains("uses “MASH”") }?.hint == "Write it out the first time: “Multi-Agency Safeguarding Hub (MASH)”.")
        #expect(problems.first { $0.message.contains("MASHH") }?.hint?.hasPrefix("Did you mean “MASH”?") == true)
    }

    @Test func aDefinitionMayUseAnAbbreviationItWritesOutFirst() {
        let (glossary, problems) = Self.read(Self.glossary + """
            - term: LADO
              full_form: Local Authority Designated Officer
              definition: Works with the Multi-Agency Safeguarding Hub (MASH) and is called the LADO.

            """)
        #expect(glossary != nil)
        #expect(problems.isEmpty)
    }

    @Test func aTermsFirstUseLinksToItsEntry() throws {
        let (html, problems) = try Self.compile("""
            The Multi-Agency Safeguarding Hub (MASH) gives early help. The MASH and Early Help
            again. A child protection plan, then the child protection
            plans, and section 47 and child protection.
            """)
        #expect(problems.isEmpty)
        // The full form links (first use); "MASH" does not again; the longest form wins, and
        // a form runs over a line break.
        #expect(Self.links(html) == [
            "mash=Multi-Agency Safeguarding Hub", "early-help=early help", "child-protection-plan=child protection plan",
            "section-47=section 47", "child-protection=child protection",
        ])
        #expect(html.contains("again. A <a href=\"/glossary/#child-protection-plan\">child protection plan</a>, then"))
        // Matched case-insensitively, a term keeps its own case on the page.
        let (upper, _) = try Self.compile("Early help first.")
        #expect(upper.contains("<a href=\"/glossary/#early-help\">Early help</a> first."))
    }

    @Test func onlyWholeWordsAndAbbreviationsInTheirCase() throws {
        let (html, _) = try Self.compile("""
            MASHED potatoes, the mash, a non-CSE case, sections 47, section 470, CSE-related. The
            MASH's team.
            """)
        #expect(Self.links(html) == ["mash=MASH"])
        #expect(html.contains("<a href=\"/glossary/#mash\">MASH</a>’s team"))
    }

    @Test func neverInHeadingsLinksCodeImagesOrTables() throws {
        let (html, _) = try Self.compile("""
            ## Early help

            [early help](/parents-carers/) and `early help` and ![early help](/a.png)

            | early help | yes |

            ```
            early help
            ```

            *Early help* at last.
            """)
        #expect(Self.links(html) == ["early-help=Early help"])
        #expect(html.contains("<em><a href=\"/glossary/#early-help\">Early help</a></em> at last."))
    }

    @Test func anAbbreviationBeforeItsFullFormIsAWarningWhereItIs() throws {
        let (_, problems) = try Self.compile("""
            Some text first.

            Call the MASH. The Multi-Agency Safeguarding Hub (MASH) helps. The CSE team
            and CSE again.
            """)
        #expect(problems == [
            "Content/test.md:6:10: “MASH” is used before it is written out in full on this page",
            "Content/test.md:6:68: “CSE” is used before it is written out in full on this page",
        ])
        // A heading is a use too; the page's text is for its readers, from the top.
        let (_, heading) = try Self.compile("## About CSE\n\nChild sexual exploitation (CSE) is abuse.")
        #expect(heading == ["Content/test.md:4:10: “CSE” is used before it is written out in full on this page"])
        // Written out first: nothing to say. Pages for professionals are not checked.
        #expect(try Self.compile("Child sexual exploitation (CSE) is abuse. CSE is never the child's fault.").problems.isEmpty)
        #expect(try Self.compile("The MASH.", forThePublic: false).problems.isEmpty)
    }

    @Test func theGlossaryPageListsEveryEntryAToZ() throws {
        let scratch = Scratch([
            "data/glossary.yaml": Self.glossary + "- term: 0-19 service\n  definition: Health visitors and school nurses.\n",
            "news/advice.md": page(title: "Advice", body: "The Multi-Agency Safeguarding Hub (MASH) and early help."),
        ])
        defer { scratch.remove() }
        let result = try scratch.build()
        #expect(result.warnings.isEmpty)
        let html = try #require(scratch.html("/glossary/", in: result))
        #expect(html.contains("<h1 class=\"heading-xl\">Glossary</h1>"))
        // Figures first, then the letters; each letter with entries is a link, the others not.
        let headings = html.components(separatedBy: "<h2 class=\"heading-l\" id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(headings == ["letter-0-9", "letter-c", "letter-e", "letter-m", "letter-s"])
        #expect(html.contains("<li><a href=\"#letter-c\">C</a></li>") && html.contains("<li><span>A</span></li>"))
        let terms = html.components(separatedBy: "<dt id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(terms == ["0-19-service", "child-protection", "child-protection-plan", "cse", "early-help", "mash", "section-47"])
        #expect(html.contains("<dt id=\"mash\">MASH <span>(Multi-Agency Safeguarding Hub)</span></dt>"))
        #expect(html.contains("<p>See also: <a href=\"/glossary/#early-help\">early help</a></p>"))
        // Pages link to it.
        let advice = try #require(scratch.html("/news/advice/", in: result))
        #expect(Self.links(advice) == ["mash=Multi-Agency Safeguarding Hub", "early-help=early help"])
        #expect(result.paths.contains("glossary/index.html"))
    }

    @Test func aBuildWithAMistakeInTheGlossaryFailsAndReportsIt() {
        let scratch = Scratch(["data/glossary.yaml": "- term: MASH\n  definition: \"\"\n"])
        defer { scratch.remove() }
        #expect(located(scratch.problems()) == ["data/glossary.yaml:2:15: `definition` is empty"])
    }

    @Test func thePreviewLinksAgainAfterTheGlossaryChanges() throws {
        let scratch = Scratch([
            "data/glossary.yaml": "- term: early help\n  definition: Support as soon as a problem starts.\n",
            "news/a.md": page(title: "A", body: "Early help and the MASH."),
        ])
        defer { scratch.remove() }
        let session = BuildSession(options: scratch.options())
        _ = try session.rebuild(changed: nil)
        scratch.write("data/glossary.yaml", Self.glossary)
        let outcome = try session.rebuild(changed: ["\(scratch.content)/data/glossary.yaml"])
        #expect(outcome.compiled >= 1)
        let html = String(decoding: try #require(FileManager.default.contents(atPath: scratch.output + "/news/a/index.html")), as: UTF8.self)
        #expect(Self.links(html) == ["early-help=Early help", "mash=MASH"])
    }
}
